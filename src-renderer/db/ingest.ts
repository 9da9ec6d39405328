import type { HubEvent } from '../../src-shared/index.js';
import { applyEvent } from './applyEvent.js';
import type { WorkstationDb } from './schema.js';

export interface IngestResult {
  /** The account's cursor after this batch. */
  cursor: number;
  /** How many events were new (not already covered by the cursor). */
  applied: number;
}

/**
 * Stores one batch of an account's events in ONE transaction, together with the
 * account's cursor: either all of the batch and the cursor commit, or neither.
 * Events at or below the stored cursor are replays and are skipped.
 */
export async function ingestBatch(db: WorkstationDb, accountId: string, events: readonly HubEvent[]): Promise<IngestResult> {
  return db.transaction('rw', db.conversations, db.messages, db.cursors, async () => {
    const start = (await db.cursors.get(accountId))?.seq ?? 0;
    let cursor = start;
    let applied = 0;
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      if (event.seq <= cursor) continue;
      await applyEvent(db, event);
      cursor = event.seq;
      applied += 1;
    }
    if (cursor !== start) await db.cursors.put({ accountId, seq: cursor, updatedAt: Date.now() });
    return { cursor, applied };
  });
}

export async function readCursor(db: WorkstationDb, accountId: string): Promise<number> {
  return (await db.cursors.get(accountId))?.seq ?? 0;
}

/** Forgets an account's cached data (the account was removed). */
export async function forgetAccount(db: WorkstationDb, accountId: string): Promise<void> {
  await db.transaction('rw', db.conversations, db.messages, db.cursors, async () => {
    const ids = await db.conversations.where('accountId').equals(accountId).primaryKeys();
    for (const id of ids) {
      await db.messages.where('[conversationId+createdAt]').between([id, 0], [id, Infinity]).delete();
    }
    await db.conversations.bulkDelete(ids);
    await db.cursors.delete(accountId);
  });
}
