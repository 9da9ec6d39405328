import type { AuditAction } from '../../src-shared/hub/events.js';
import type { HubContext } from '../context.js';
import type { JournalWriter } from '../events/journal.js';
import { insertAuditEntry } from '../store/auditLog.js';

/** Who did it: a person of the account, or the hub's administrator (token revocations). */
export interface AuditActor {
  id: string;
  name: string;
}

export const HUB_ADMIN: AuditActor = { id: 'hub-admin', name: 'hub admin' };

const MAX_DETAIL = 1000;

/**
 * Inside the action's own journal record: the entry is stored and `audit.entry`
 * appended with it, so there is never an action without its audit line (or the reverse).
 */
export async function recordAudit(
  ctx: Pick<HubContext, 'newId'>,
  { tx, at, append }: JournalWriter,
  accountId: string,
  entry: { action: AuditAction; actor: AuditActor; conversationId: string | null; detail: string },
): Promise<void> {
  const audit = {
    id: ctx.newId('au'),
    action: entry.action,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    conversationId: entry.conversationId,
    detail: entry.detail.slice(0, MAX_DETAIL),
    at,
  };
  await insertAuditEntry(tx, accountId, audit);
  await append('audit.entry', audit);
}
