import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxOf } from '../../db/outbox.js';
import type { WorkstationDb } from '../../db/schema.js';
import { freshDb } from '../../db/testing.js';
import { queueInlineReply } from './queueInlineReply.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

describe('queueInlineReply', () => {
  it('queues the notification’s reply in the outbox with a fresh client id, keeps the draft, and kicks the sender', async () => {
    db = freshDb();
    await db.drafts.put({ conversationId: 'c1', text: 'half a longer answer', updatedAt: 1 });
    let kicked = 0;
    const kick = async () => void kicked++;
    await queueInlineReply(db, kick, { accountId: 'shop-a', conversationId: 'c1', text: '在的，马上查' }, 5);
    await queueInlineReply(db, kick, { accountId: 'shop-a', conversationId: 'c1', text: '已为您催发货' }, 6);
    const rows = await outboxOf(db, 'c1');
    expect(rows.map((r) => [r.text, r.state, r.accountId])).toEqual([
      ['在的，马上查', 'queued', 'shop-a'],
      ['已为您催发货', 'queued', 'shop-a'],
    ]);
    expect(new Set(rows.map((r) => r.clientId)).size).toBe(2);
    expect((await db.drafts.get('c1'))?.text).toBe('half a longer answer');
    expect(kicked).toBe(2);
  });
});
