import { queueOf } from '../../../src-shared/index.js';
import type { QueueRef } from '../../db/queueSamples.js';
import type { CachedConversation, WorkstationDb } from '../../db/schema.js';

/** Since when the customer has been waiting: their oldest unanswered message, else the last activity. */
export const waitingSinceOf = (c: CachedConversation): number => c.waitingSince ?? c.lastActivityAt;

/**
 * A queue's conversations that still need someone (not resolved), longest waiting first,
 * from the cache (one index range per account).
 */
export async function openInQueue(db: WorkstationDb, q: QueueRef): Promise<CachedConversation[]> {
  const rows = await db.conversations
    .where('accountId')
    .equals(q.accountId)
    .filter((c) => c.status !== 'resolved' && c.channel === q.channel && queueOf(c) === q.queue)
    .toArray();
  return rows.sort((a, b) => waitingSinceOf(a) - waitingSinceOf(b));
}
