import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkstationDb } from '../../db/schema.js';
import { hasFeedbackFor, recordFeedback } from '../../db/suggestionFeedback.js';
import { freshDb } from '../../db/testing.js';
import { createFeedbackCapture } from './feedbackCapture.js';

const BODY = { k1: '亲，已经发货了，2-3 天送达。', k2: '退货请在订单页申请，7 天无理由。', k3: '发票可以在订单详情里开具。' };

let db: WorkstationDb;
afterEach(async () => db?.delete());

function capture(byId: string | null = 'alice') {
  db = freshDb();
  let n = 0;
  return createFeedbackCapture({
    accountId: 'shop-a',
    conversationId: 'c1',
    byId,
    store: (rows) => recordFeedback(db, rows),
    judged: (messageId) => hasFeedbackFor(db, messageId, byId),
    newClientId: () => `client-fb-${++n}`,
    now: () => 5_000,
  });
}

const stored = async () =>
  (await db.suggestionFeedback.toArray())
    .sort((a, b) => a.rank - b.rank)
    .map((r) => [r.messageId, r.articleId, r.rank, r.action, r.vote, r.pending]);

describe('feedback capture', () => {
  it('judges the shown top 3 when a reply goes out: inserted as is, edited, or ignored', async () => {
    const c = capture();
    await c.shown('m1', ['k1', 'k2', 'k3', 'k4']);
    c.inserted('k1', BODY.k1);
    await c.sent(BODY.k1);
    expect(await stored()).toEqual([
      ['m1', 'k1', 1, 'inserted', null, 1],
      ['m1', 'k2', 2, 'ignored', null, 1],
      ['m1', 'k3', 3, 'ignored', null, 1],
    ]);
  });

  it('calls an insertion edited before sending edited, and an overwritten one ignored', async () => {
    const c = capture();
    await c.shown('m1', ['k1', 'k2']);
    c.inserted('k1', BODY.k1);
    c.inserted('k2', BODY.k2); // replaced k1's text in the composer
    await c.sent(`王女士，${BODY.k2}`);
    expect(await stored()).toEqual([
      ['m1', 'k1', 1, 'ignored', null, 1],
      ['m1', 'k2', 2, 'edited', null, 1],
    ]);
  });

  it('records all as ignored when a newer customer message replaces the question', async () => {
    const c = capture();
    await c.shown('m1', ['k1', 'k2']);
    c.inserted('k2', BODY.k2); // in the box, never sent
    await c.shown('m2', ['k3']);
    expect(await stored()).toEqual([
      ['m1', 'k1', 1, 'ignored', null, 1],
      ['m1', 'k2', 2, 'ignored', null, 1],
    ]);
    await c.sent(BODY.k3);
    expect((await stored()).filter((r) => r[0] === 'm2')).toEqual([['m2', 'k3', 1, 'ignored', null, 1]]);
  });

  it('puts a vote on the row of its suggestion when the next action lands; the same thumb twice takes it back', async () => {
    const c = capture();
    await c.shown('m1', ['k1', 'k2', 'k3']);
    c.vote('k2', 'down');
    c.vote('k3', 'up');
    expect([...c.vote('k3', 'up')]).toEqual([['k2', 'down']]);
    c.vote('k1', 'up');
    c.inserted('k1', BODY.k1);
    await c.sent(BODY.k1);
    expect(await stored()).toEqual([
      ['m1', 'k1', 1, 'inserted', 'up', 1],
      ['m1', 'k2', 2, 'ignored', 'down', 1],
      ['m1', 'k3', 3, 'ignored', null, 1],
    ]);
  });

  it('on leaving the conversation records the votes (as ignored), and nothing without a vote', async () => {
    const c = capture();
    await c.shown('m1', ['k1']);
    await c.left();
    expect(await stored()).toEqual([]);

    await c.shown('m1', ['k1', 'k2']);
    c.vote('k2', 'down');
    await c.left();
    expect(await stored()).toEqual([
      ['m1', 'k1', 1, 'ignored', null, 1],
      ['m1', 'k2', 2, 'ignored', 'down', 1],
    ]);
  });

  it('judges one customer message once per agent: a second reply to it adds nothing', async () => {
    const c = capture();
    await c.shown('m1', ['k1']);
    c.inserted('k1', BODY.k1);
    await c.sent(BODY.k1);
    await c.shown('m1', ['k1']);
    await c.sent('还有别的问题吗？');
    expect(await stored()).toEqual([['m1', 'k1', 1, 'inserted', null, 1]]);
  });

  it('records nothing when no suggestion was shown', async () => {
    const c = capture();
    await c.sent('你好');
    await c.shown('m1', []);
    await c.sent('你好');
    expect(await db.suggestionFeedback.count()).toBe(0);
  });
});
