import type { HubEventOf } from '../../src-shared/hub/events.js';
import type { HubContext } from '../context.js';
import { insertSlaBreach } from '../store/queuesSla.js';

/** Journals `sla.breached` once per breach: a second call for the same breach (after a restart too) appends nothing. */
export function recordSlaBreach(ctx: HubContext, accountId: string, breach: HubEventOf<'sla.breached'>['data']): Promise<boolean> {
  return ctx.journal.record(accountId, async ({ tx, append }) => {
    if (!(await insertSlaBreach(tx, accountId, breach))) return false;
    await append('sla.breached', breach);
    return true;
  });
}
