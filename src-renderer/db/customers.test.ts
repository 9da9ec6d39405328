import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { otherConversationsOf } from './customers.js';
import { inboxKeys } from './inboxKeys.js';
import type { WorkstationDb } from './schema.js';
import { conversation, freshDb } from './testing.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

const row = (over: Parameters<typeof conversation>[0]) => {
  const c = conversation(over);
  return { ...c, unread: 0, ...inboxKeys(c) };
};

describe('otherConversationsOf', () => {
  it('finds the same person by id, email or phone across accounts, newest first, never the current one', async () => {
    db = freshDb();
    const wang = { id: 'cu-1', name: '王女士', email: 'wang@example.com', phone: '13800000000' };
    await db.conversations.bulkPut([
      row({ id: 'now', customer: wang, lastActivityAt: 500 }),
      row({ id: 'same-id', customer: { id: 'cu-1', name: '王' }, lastActivityAt: 100 }),
      row({ id: 'by-mail', accountId: 'shop-b', channel: 'email', customer: { id: 'email:wang@example.com', name: 'Wang', email: 'wang@example.com' }, lastActivityAt: 300 }),
      row({ id: 'by-phone', accountId: 'shop-c', channel: 'taobao', customer: { id: 'tb-9', name: 'wang_tb', phone: '13800000000' }, lastActivityAt: 200 }),
      row({ id: 'someone-else', customer: { id: 'cu-2', name: '李先生', email: 'li@example.com' }, lastActivityAt: 400 }),
    ]);
    const found = await otherConversationsOf(db, wang, 'now');
    expect(found.map((c) => c.id)).toEqual(['by-mail', 'by-phone', 'same-id']);
  });
});
