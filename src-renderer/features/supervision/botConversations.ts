import { Dexie } from 'dexie';
import { ownershipOf } from '../../../src-shared/index.js';
import type { CachedConversation, WorkstationDb } from '../../db/schema.js';

/** The view stays light with thousands of chats: supervisors look at the riskiest, not all. */
export const BOT_VIEW_LIMIT = 500;

const range = (db: WorkstationDb, accountId: string, status: CachedConversation['status']) =>
  db.conversations
    .where('[accountId+status+lastActivityAt]')
    .between([accountId, status, Dexie.minKey], [accountId, status, Dexie.maxKey])
    .reverse()
    .limit(BOT_VIEW_LIMIT);

/**
 * What the supervisors' bot view shows: every conversation the hub's bot holds, and
 * those it handed over that no person has picked up yet (the angry customer the bot
 * gave up on is exactly the one to take over). One index range per account and status,
 * never a scan; status `bot` is ownership `bot` (the hub keeps them in step).
 */
export async function botConversations(db: WorkstationDb, accountIds: readonly string[]): Promise<CachedConversation[]> {
  const perAccount = await Promise.all(
    accountIds.map(async (accountId) => {
      const [held, open] = await Promise.all([range(db, accountId, 'bot').toArray(), range(db, accountId, 'open').toArray()]);
      return [...held, ...open.filter((c) => ownershipOf(c) === 'queued' && c.bot?.handoverReason)];
    }),
  );
  return perAccount.flat();
}
