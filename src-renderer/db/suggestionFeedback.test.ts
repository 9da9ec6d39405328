import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/index.js';
import { forgetAccount, ingestBatch } from './ingest.js';
import type { WorkstationDb } from './schema.js';
import { feedbackOfAccount, hasFeedbackFor, pendingFeedback, recordFeedback, type SuggestionFeedbackRow } from './suggestionFeedback.js';
import { freshDb, upsert } from './testing.js';

const feedbackEvent = (seq: number, clientId: string, byId: string, articleId = 'k1'): HubEvent => ({
  seq,
  type: 'suggestion.feedback',
  at: 9_000 + seq,
  data: { clientId, conversationId: 'c1', messageId: 'm1', articleId, rank: 1, action: 'edited', vote: 'up', byId },
});

const mine = (clientId: string, over: Partial<SuggestionFeedbackRow> = {}): SuggestionFeedbackRow => ({
  clientId,
  accountId: 'shop-a',
  conversationId: 'c1',
  messageId: 'm1',
  articleId: 'k1',
  rank: 1,
  action: 'inserted',
  vote: null,
  byId: 'alice',
  at: 1,
  pending: 1,
  ...over,
});

let db: WorkstationDb;
afterEach(async () => db?.delete());

describe('suggestion feedback in the cache', () => {
  it('stores teammates’ feedback from the hub as not pending, with who gave it', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [upsert(1), feedbackEvent(2, 'client-bob-1', 'bob')]);
    expect(await feedbackOfAccount(db, 'shop-a')).toEqual([
      { clientId: 'client-bob-1', accountId: 'shop-a', conversationId: 'c1', messageId: 'm1', articleId: 'k1', rank: 1, action: 'edited', vote: 'up', byId: 'bob', at: 9_002, pending: 0 },
    ]);
    expect(await pendingFeedback(db)).toEqual([]);
  });

  it('takes my own row off the pending list when the hub echoes it (the ack may have been lost)', async () => {
    db = freshDb();
    await recordFeedback(db, [mine('client-alice-1')]);
    await ingestBatch(db, 'shop-a', [feedbackEvent(1, 'client-alice-1', 'alice')]);
    expect(await db.suggestionFeedback.count()).toBe(1);
    expect(await pendingFeedback(db)).toEqual([]);
  });

  it('reads one account’s rows and knows whose message was judged', async () => {
    db = freshDb();
    await recordFeedback(db, [mine('client-a-1'), mine('client-b-1', { accountId: 'shop-b', articleId: 'k9', messageId: 'm9' })]);
    expect((await feedbackOfAccount(db, 'shop-a')).map((r) => r.clientId)).toEqual(['client-a-1']);
    expect(await hasFeedbackFor(db, 'm1', 'alice')).toBe(true);
    expect(await hasFeedbackFor(db, 'm1', 'bob')).toBe(false);
    expect(await hasFeedbackFor(db, 'm2', 'alice')).toBe(false);
  });

  it('forgets a removed account’s feedback', async () => {
    db = freshDb();
    await recordFeedback(db, [mine('client-a-1'), mine('client-b-1', { accountId: 'shop-b' })]);
    await forgetAccount(db, 'shop-a');
    expect((await db.suggestionFeedback.toArray()).map((r) => r.accountId)).toEqual(['shop-b']);
  });
});
