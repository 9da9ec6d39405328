// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetAccount, ingestBatch, readCursor } from './ingest.js';
import { enqueueReply, outboxOf } from './outbox.js';
import type { WorkstationDb } from './schema.js';
import { created, freshDb, upsert } from './testing.js';

let db: WorkstationDb;
afterEach(async () => db?.delete());

describe('ingestBatch', () => {
  it('stores conversations and messages and advances the cursor in one go', async () => {
    db = freshDb();
    const result = await ingestBatch(db, 'shop-a', [upsert(1), created(2)]);
    expect(result).toMatchObject({ cursor: 2, applied: 2 });
    expect(await readCursor(db, 'shop-a')).toBe(2);
    expect(await db.messages.count()).toBe(1);
    expect((await db.conversations.get('c1'))?.unread).toBe(1);
  });

  it('skips events the cursor already covers (replays never double a message or its unread count)', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1), created(2)]);
    const again = await ingestBatch(db, 'shop-a', [upsert(1), created(2), created(3, { id: 'm2' })]);
    expect(again).toMatchObject({ cursor: 3, applied: 1 });
    expect(await db.messages.count()).toBe(2);
    expect((await db.conversations.get('c1'))?.unread).toBe(2);
  });

  it('applies out-of-order batches in seq order', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [created(2), upsert(1)]);
    expect((await db.conversations.get('c1'))?.unread).toBe(1);
  });

  it('rolls back the whole batch and the cursor when one write fails', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1)]);
    const bad = created(3, { id: 'm9' });
    // An invalid key makes IndexedDB throw mid-transaction.
    (bad.data as { id: unknown }).id = { not: 'a key' };
    await expect(ingestBatch(db, 'shop-a', [created(2), bad])).rejects.toThrow();
    expect(await readCursor(db, 'shop-a')).toBe(1);
    expect(await db.messages.count()).toBe(0);
  });

  it('keeps each account on its own cursor', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1)]);
    await ingestBatch(db, 'shop-b', [upsert(1, { id: 'c2', accountId: 'shop-b' }), created(2, { id: 'm2', conversationId: 'c2', accountId: 'shop-b' })]);
    expect(await readCursor(db, 'shop-a')).toBe(1);
    expect(await readCursor(db, 'shop-b')).toBe(2);
  });

  it('keeps the unread count when a conversation is updated', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1), created(2), upsert(3, { status: 'pending' })]);
    const row = await db.conversations.get('c1');
    expect([row?.status, row?.unread]).toEqual(['pending', 1]);
  });

  it('applies assignment and status events', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [
      upsert(1),
      created(2, { author: { kind: 'agent', id: 'alice', name: 'Alice' }, status: 'sent' }),
      { seq: 3, type: 'conversation.assigned', at: 3, data: { conversationId: 'c1', assigneeId: 'alice', assigneeName: 'Alice' } },
      { seq: 4, type: 'message.status', at: 4, data: { conversationId: 'c1', messageId: 'm1', status: 'delivered' } },
    ]);
    expect((await db.conversations.get('c1'))?.assigneeName).toBe('Alice');
    expect((await db.messages.get('m1'))?.status).toBe('delivered');
    expect((await db.conversations.get('c1'))?.unread).toBe(0);
  });
});

describe('ingestBatch, knowledge base', () => {
  it('stores kb.changed articles, the latest version winning', async () => {
    db = freshDb();
    const article = (seq: number, body: string) => ({
      seq,
      type: 'kb.changed' as const,
      at: seq,
      data: { id: 'kb-ship', accountId: 'shop-a', kind: 'article' as const, title: '发货时间', body, questions: ['什么时候发货'], updatedAt: seq },
    });
    await ingestBatch(db, 'shop-a', [article(1, '48 小时内发货'), article(2, '24 小时内发货')]);
    expect((await db.kb.get(['shop-a', 'kb-ship']))?.body).toBe('24 小时内发货');
  });
});

describe('forgetAccount', () => {
  it('removes only that account', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1), created(2)]);
    await ingestBatch(db, 'shop-b', [upsert(1, { id: 'c2', accountId: 'shop-b' })]);
    await forgetAccount(db, 'shop-a');
    expect(await db.conversations.toCollection().primaryKeys()).toEqual(['c2']);
    expect(await db.messages.count()).toBe(0);
    expect(await readCursor(db, 'shop-a')).toBe(0);
  });
});

describe('ingestBatch, robustness', () => {
  it('creates a conversation for a message whose conversation it has never seen', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [created(5, { conversationId: 'c-new', text: '有人吗？' })], { channel: 'taobao' });
    const row = await db.conversations.get('c-new');
    expect(row).toMatchObject({ channel: 'taobao', unread: 1, lastMessagePreview: '有人吗？', open: 1, queueKey: 'unassigned' });
  });

  it('keeps the inbox index fields in step with assignment and status', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [
      upsert(1),
      { seq: 2, type: 'conversation.assigned', at: 2, data: { conversationId: 'c1', assigneeId: 'alice', assigneeName: 'Alice' } },
    ]);
    expect(await db.conversations.get('c1')).toMatchObject({ open: 1, queueKey: 'assigned:shop-a:alice' });
    await ingestBatch(db, 'shop-a', [upsert(3, { status: 'resolved', assigneeId: 'alice', assigneeName: 'Alice' })]);
    expect(await db.conversations.get('c1')).toMatchObject({ open: 0, queueKey: 'resolved' });
  });

  it('adds a thousand new messages without reading any of them first', async () => {
    db = freshDb();
    const events = [upsert(1), ...Array.from({ length: 999 }, (_, i) => created(i + 2, { id: `m${i}`, createdAt: 1_000 + i }))];
    const calls = { get: 0, bulkGet: 0 };
    const { get, bulkGet } = db.messages;
    db.messages.get = ((...args: Parameters<typeof get>) => (calls.get++, get.apply(db.messages, args))) as typeof get;
    db.messages.bulkGet = ((...args: Parameters<typeof bulkGet>) => (calls.bulkGet++, bulkGet.apply(db.messages, args))) as typeof bulkGet;
    expect(await ingestBatch(db, 'shop-a', events)).toMatchObject({ cursor: 1000, applied: 1000 });
    expect(calls).toEqual({ get: 0, bulkGet: 0 });
    expect((await db.conversations.get('c1'))?.unread).toBe(999);
  });
});

describe('ingestBatch, messages already stored', () => {
  it('leaves a stored message as it is when it comes again above the cursor, and applies the rest of the batch', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1), created(2), { seq: 3, type: 'message.status', at: 3, data: { conversationId: 'c1', messageId: 'm1', status: 'read' } }]);
    const again = await ingestBatch(db, 'shop-a', [created(4, { text: 'changed' }), created(5, { id: 'm2' }), created(6, { id: 'm2', text: 'twice' })]);
    expect(again).toMatchObject({ cursor: 6, applied: 3 });
    expect(await db.messages.get('m1')).toMatchObject({ status: 'read' });
    expect((await db.messages.get('m1'))?.text).not.toBe('changed');
    expect((await db.messages.get('m2'))?.text).not.toBe('twice');
    expect(await db.messages.count()).toBe(2);
    expect((await db.conversations.get('c1'))?.unread).toBe(2);
    expect((await db.searchBacklog.toArray()).flatMap((r) => r.ids)).toEqual(['m1', 'm2']);
  });

  it('applies a status change to a message added in the same batch and to a stored one', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1), created(2)]);
    const status = (seq: number, messageId: string) => ({ seq, type: 'message.status' as const, at: seq, data: { conversationId: 'c1', messageId, status: 'read' as const } });
    await ingestBatch(db, 'shop-a', [created(3, { id: 'm2' }), status(4, 'm2'), status(5, 'm1'), created(6, { text: 'again' }), status(7, 'm1')]);
    expect((await db.messages.bulkGet(['m1', 'm2'])).map((m) => m?.status)).toEqual(['read', 'read']);
    expect((await db.conversations.get('c1'))?.unread).toBe(2);
  });
});

describe('ingestBatch, escalation', () => {
  it('marks the conversation escalated until it is resolved', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1), { seq: 2, type: 'conversation.escalated', at: 2, data: { conversationId: 'c1', target: 'tier2', reason: '退款超权限', byId: 'alice' } }]);
    expect((await db.conversations.get('c1'))?.escalation).toEqual({ target: 'tier2', reason: '退款超权限' });
    await ingestBatch(db, 'shop-a', [upsert(3, { lastMessagePreview: '还在吗' })]);
    expect((await db.conversations.get('c1'))?.escalation).toEqual({ target: 'tier2', reason: '退款超权限' });
    await ingestBatch(db, 'shop-a', [upsert(4, { status: 'resolved' })]);
    expect((await db.conversations.get('c1'))?.escalation).toBeUndefined();
  });
});

describe('ingestBatch, the outbox', () => {
  it('a reply the hub logged (its message.created came back with our client id) leaves the outbox, even with its ack lost', async () => {
    db = freshDb();
    await enqueueReply(db, { clientId: 'client-mine-1', accountId: 'shop-a', conversationId: 'c1', text: '已发货' }, 1);
    await enqueueReply(db, { clientId: 'client-mine-2', accountId: 'shop-a', conversationId: 'c1', text: '还有别的吗' }, 2);
    await ingestBatch(db, 'shop-a', [upsert(1), created(2, { id: 'm-mine', clientId: 'client-mine-1', author: { kind: 'agent', id: 'alice', name: 'Alice' } })]);
    expect((await outboxOf(db, 'c1')).map((r) => r.clientId)).toEqual(['client-mine-2']);
    expect(await db.messages.get('m-mine')).toMatchObject({ clientId: 'client-mine-1' });
  });
});
