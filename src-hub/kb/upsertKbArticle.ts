import type { HubCommandInput } from '../../src-shared/hub/commands.js';
import { ok, type Result } from '../../src-shared/result.js';
import { recordAudit, type AuditActor } from '../audit/recordAudit.js';
import type { HubContext } from '../context.js';

/**
 * Records a knowledge-base article as `kb.changed`. The event log is the KB's store
 * for now: workstations rebuild it from the events (a KB table comes with editing).
 * A person's edit (`editor`) is audited in the same record; seeding through the
 * admin API is not a person's edit and is not.
 */
export const upsertKbArticle = (
  ctx: HubContext,
  accountId: string,
  input: HubCommandInput<'kb.upsert'>,
  editor?: AuditActor,
): Promise<Result<Record<string, never>>> =>
  ctx.journal.record(accountId, async (writer) => {
    await writer.append('kb.changed', { ...input, accountId, updatedAt: writer.at });
    if (editor) {
      await recordAudit(ctx, writer, accountId, { action: 'kb.edit', actor: editor, conversationId: null, detail: `${input.kind} ${input.id}: ${input.title}` });
    }
    return ok({});
  });
