import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent, HubEventOf } from '../../../src-shared/hub/events.js';
import { postSignedBatch, postSignedMessage } from '../../sim/connectorClient.js';
import { connectAgent, makeAccount } from '../../testing/fixtures.js';
import { closeAllSockets, eventually } from '../../testing/sockets.js';
import { startTestHub, uniqueId, type TestHub } from '../../testing/testHub.js';

/** Real HTTP on loopback into a real hub over a temp PGlite dir; a small bucket so the rate test is quick. */
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub(undefined, { webhook: { rateLimit: { perSecond: 5, burst: 40 } } });
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

const created = (events: HubEvent[]) => events.filter((e): e is HubEventOf<'message.created'> => e.type === 'message.created').map((e) => e.data);

async function shop() {
  const fixture = await makeAccount(t.hub, 'taobao');
  const { secret } = await t.hub.admin.issueWebhookSecret(fixture.accountId);
  return {
    fixture,
    batch: (messages: unknown[], options?: Parameters<typeof postSignedBatch>[4]) => postSignedBatch(t.hub.url, fixture.accountId, secret, messages, options),
    single: (body: unknown) => postSignedMessage(t.hub.url, fixture.accountId, secret, body),
    agent: await connectAgent(t.hub, fixture),
  };
}

const message = (customerId: string, text: string, overrides: object = {}) => ({
  eventId: uniqueId('evt'),
  customer: { id: customerId, name: customerId },
  text,
  sentAt: Date.now(),
  ...overrides,
});

describe('batch webhook', () => {
  it('answers per message, in order: stored, invalid and replayed (earlier or in the same batch) each get their own result; a bad one fails alone', async () => {
    const { fixture, batch, single, agent } = await shop();
    const earlier = message('买家甲', '昨天的消息');
    expect((await single(earlier)).status).toBe(202);
    const first = message('买家甲', '我的快递到哪了？');
    const items = [first, message('买家乙', '可以开发票吗'), { ...message('买家甲', 'x'), text: '' }, earlier, message('买家甲', '还在吗？', { customer: { id: '买家甲', name: '甲先生' } }), first];
    const answer = await batch(items);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, accepted: 3, duplicates: 2, rejected: 1 });
    const results = answer.body.results;
    expect(results.map((r: { status: number }) => r.status)).toEqual([202, 202, 400, 409, 202, 409]);
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results[2].error).toEqual({ code: 'validation', message: expect.stringMatching(/^messages\.2\.text: /) });
    expect(results[5]).toMatchObject({ eventId: first.eventId, conversationId: results[0].conversationId, messageId: results[0].messageId });
    // The same shopper's lines continue one conversation, earlier requests' and this batch's alike; the new name is on the last one.
    expect(results[0].conversationId).toBe(results[4].conversationId);
    expect(results[1].conversationId).not.toBe(results[0].conversationId);

    await eventually(() => expect(created(agent.events).map((m) => m.text)).toEqual(['昨天的消息', '我的快递到哪了？', '可以开发票吗', '还在吗？']));
    expect(created(agent.events).at(-1)!.author.name).toBe('甲先生');
    // From the store, not the live feed: what a fresh agent replays is exactly what was answered 202.
    const fresh = await connectAgent(t.hub, fixture);
    expect(created(fresh.events).map((m) => m.id)).toEqual([expect.any(String), results[0].messageId, results[1].messageId, results[4].messageId]);
  });

  it('a message the store refuses fails alone with 500 while the rest of its batch is stored', async () => {
    const { batch, agent } = await shop();
    // Valid JSON and valid text, but PostgreSQL's jsonb cannot hold U+0000: the shared write fails, so each message is stored on its own.
    const answer = await batch([message('买家丙', '第一句'), message('买家丙', 'bad \u0000 byte'), message('买家丁', '第三句')]);
    expect(answer.body.results.map((r: { status: number }) => r.status)).toEqual([202, 500, 202]);
    expect(answer.body.results[1].error.code).toBe('internal');
    await eventually(() => expect(created(agent.events).map((m) => m.text)).toEqual(['第一句', '第三句']));
  });

  it('a replayed batch (freshly signed) answers 409 for every message with the first results and stores nothing twice', async () => {
    const { fixture, batch } = await shop();
    const items = [message('买家戊', '一'), message('买家戊', '二')];
    const first = await batch(items);
    const again = await batch(items, { timestamp: Date.now() + 1 });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 2, rejected: 0 });
    expect(again.body.results.map((r: { messageId: string }) => r.messageId)).toEqual(first.body.results.map((r: { messageId: string }) => r.messageId));
    const fresh = await connectAgent(t.hub, fixture);
    expect(created(fresh.events).map((m) => m.text)).toEqual(['一', '二']);
  });

  it.each([
    ['no messages', { messages: [] }, /^messages: /],
    ['101 messages', { messages: Array.from({ length: 101 }, (_, i) => ({ i })) }, /^messages: /],
    ['messages that is not a list', { messages: 'hi' }, /^messages: /],
  ])('a batch with %s is refused whole with 400', async (_, body, reason) => {
    const { batch } = await shop();
    const answer = await batch([], { rawBody: JSON.stringify(body) });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'validation', message: expect.stringMatching(reason) });
  });

  it('a forged signature is 401 for the whole batch; a batch spends one token per message (429 past the bucket)', async () => {
    const { batch, agent } = await shop();
    expect((await batch([message('买家己', '伪造')], { signature: `sha256=${'0'.repeat(64)}` })).status).toBe(401);
    const big = Array.from({ length: 30 }, (_, i) => message('买家己', `第 ${i} 句`));
    expect((await batch(big)).status).toBe(200);
    const over = await batch(big.map((m) => ({ ...m, eventId: uniqueId('evt') })));
    expect(over.status).toBe(429);
    expect(over.retryAfter).not.toBeNull();
    await eventually(() => expect(created(agent.events)).toHaveLength(30));
  });

  it('single-message requests that arrive together (stored in shared records) each get their own answer, only once committed', async () => {
    const { fixture, single } = await shop();
    const items = Array.from({ length: 30 }, (_, i) => message(`买家${i % 3}`, `并发 ${i}`));
    const answers = await Promise.all(items.map((item) => single(item)));
    expect(answers.map((a) => a.status)).toEqual(items.map(() => 202));
    expect(new Set(answers.map((a) => a.body.messageId)).size).toBe(30);
    expect(new Set(answers.map((a) => a.body.conversationId)).size).toBe(3);
    const fresh = await connectAgent(t.hub, fixture);
    expect(created(fresh.events).map((m) => m.id).sort()).toEqual(answers.map((a) => a.body.messageId).sort());
  });
});
