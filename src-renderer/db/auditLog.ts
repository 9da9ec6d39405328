import { Dexie } from 'dexie';
import type { AuditEntry, HubEvent } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';

/** The audit log as leads and supervisors receive it (the hub sends it to no one else). */
export interface AuditRow extends AuditEntry {
  accountId: string;
}

/** Keyed per account: entry ids are the hub's, unique within an account's log. */
export const AUDIT_STORE = '[accountId+id], [accountId+at]';

/** The audit entries of a batch, stored in the batch's own transaction (see ingest.ts). */
export const auditRowsOf = (accountId: string, events: readonly HubEvent[]): AuditRow[] =>
  events.flatMap((e) => (e.type === 'audit.entry' ? [{ ...e.data, accountId }] : []));

/** The newest entries across accounts: one index range per account, merged by time. */
export async function latestAudit(db: WorkstationDb, accountIds: readonly string[], limit = 300): Promise<AuditRow[]> {
  const perAccount = await Promise.all(
    accountIds.map((accountId) =>
      db.auditLog.where('[accountId+at]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).reverse().limit(limit).toArray(),
    ),
  );
  return perAccount
    .flat()
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
}
