import type { HubCommandInput } from '../../src-shared/hub/commands.js';
import { ok, type Result } from '../../src-shared/result.js';
import type { HubContext } from '../context.js';

/**
 * Records a knowledge-base article as `kb.changed`. The event log is the KB's store
 * for now: workstations rebuild it from the events (a KB table comes with editing).
 */
export const upsertKbArticle = (ctx: HubContext, accountId: string, input: HubCommandInput<'kb.upsert'>): Promise<Result<Record<string, never>>> =>
  ctx.journal.record(accountId, async ({ at, append }) => {
    await append('kb.changed', { ...input, accountId, updatedAt: at });
    return ok({});
  });
