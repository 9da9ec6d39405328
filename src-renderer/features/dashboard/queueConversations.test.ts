// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src-shared/index.js';
import { inboxKeys } from '../../db/inboxKeys.js';
import { conversation, freshDb } from '../../db/testing.js';
import { openInQueue } from './queueConversations.js';

describe('openInQueue', () => {
  it('lists the queue’s unresolved conversations of that channel, longest waiting first', async () => {
    const db = freshDb();
    const cache = (over: Partial<Conversation>) => {
      const c = conversation(over);
      return { ...c, unread: 0, ...inboxKeys(c) };
    };
    await db.conversations.bulkPut([
      cache({ id: 'late', queue: 'general', owner: 'queued', waitingSince: 5_000, lastActivityAt: 5_000 }),
      cache({ id: 'early', queue: 'general', owner: 'human', assigneeId: 'bob', waitingSince: 1_000, lastActivityAt: 6_000 }),
      // Recorded before the hub sent queues: the default queue.
      cache({ id: 'legacy', lastActivityAt: 3_000 }),
      cache({ id: 'done', queue: 'general', status: 'resolved' }),
      cache({ id: 'vip', queue: 'vip' }),
      cache({ id: 'mail', queue: 'general', channel: 'email' }),
      cache({ id: 'other-shop', accountId: 'shop-b', queue: 'general' }),
    ]);
    const ids = (await openInQueue(db, { accountId: 'shop-a', queue: 'general', channel: 'webchat' })).map((c) => c.id);
    expect(ids).toEqual(['early', 'legacy', 'late']);
  });
});
