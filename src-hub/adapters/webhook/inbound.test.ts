import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src-shared/domain/account.js';
import type { HubEvent, HubEventOf } from '../../../src-shared/hub/events.js';
import { postSignedMessage } from '../../sim/connectorClient.js';
import { connectAgent, makeAccount } from '../../testing/fixtures.js';
import { closeAllSockets, eventually } from '../../testing/sockets.js';
import { startTestHub, uniqueId, type TestHub } from '../../testing/testHub.js';

/** Real HTTP on loopback into a real hub over a temp PGlite dir; a small burst so the flood test is quick. */
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub(undefined, { webhook: { rateLimit: { perSecond: 5, burst: 20 }, maxBodyBytes: 16 * 1024 } });
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

const ofType = <T extends HubEvent['type']>(events: HubEvent[], type: T) => events.filter((e): e is HubEventOf<T> => e.type === type);

async function shop(channel: Channel = 'taobao') {
  const fixture = await makeAccount(t.hub, channel);
  const { secret } = await t.hub.admin.issueWebhookSecret(fixture.accountId);
  const post = (body: unknown, options?: Parameters<typeof postSignedMessage>[4]) => postSignedMessage(t.hub.url, fixture.accountId, secret, body, options);
  return { fixture, secret, post, agent: await connectAgent(t.hub, fixture) };
}

const message = (overrides: object = {}) => ({
  eventId: uniqueId('evt'),
  customer: { id: '淘宝买家_小明', name: '小明', phone: '+86 138 0013 8000' },
  text: '你好，我的快递三天没动了',
  sentAt: Date.now(),
  ...overrides,
});

describe('inbound messages', () => {
  it('a signed message becomes a conversation the agent sees, with the phone on the customer; the next one continues it', async () => {
    const { post, agent } = await shop();
    const first = await post(message());
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ ok: true, conversationId: expect.any(String), messageId: expect.any(String) });

    await eventually(() => expect(ofType(agent.events, 'message.created')).toHaveLength(1));
    const upsert = ofType(agent.events, 'conversation.upsert')[0]!.data;
    expect(upsert).toMatchObject({ id: first.body.conversationId, channel: 'taobao', status: 'open', customer: { name: '小明', phone: '+86 138 0013 8000' } });
    expect(ofType(agent.events, 'message.created')[0]!.data).toMatchObject({ id: first.body.messageId, text: '你好，我的快递三天没动了', author: { kind: 'customer' } });

    const second = await post(message({ text: '还在吗？', customer: { id: '淘宝买家_小明', name: '小明', email: 'XM@example.com' } }));
    expect(second.body.conversationId).toBe(first.body.conversationId);
    await eventually(() => expect(ofType(agent.events, 'message.created')).toHaveLength(2));
    expect(ofType(agent.events, 'conversation.upsert').at(-1)!.data.customer).toMatchObject({ id: upsert.customer.id, email: 'xm@example.com' });
  });

  it.each([
    ['a forged signature', { signature: `sha256=${'0'.repeat(64)}` }, /does not match/],
    ['no signature', { signature: null }, /X-Signature/],
    ['a timestamp 6 minutes old', { timestamp: Date.now() - 6 * 60_000 }, /window/],
    ['a timestamp 6 minutes ahead', { timestamp: Date.now() + 6 * 60_000 }, /window/],
  ])('%s is refused with 401 and a JSON error, and nothing is stored', async (_, options, reason) => {
    const { post, agent } = await shop();
    const answer = await post(message(), options);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(reason) } });
    expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.ts|Error:/);
    const marker = await post(message({ text: 'marker' }));
    expect(marker.status).toBe(202);
    await eventually(() => expect(ofType(agent.events, 'message.created').map((e) => e.data.text)).toEqual(['marker']));
  });

  it('a rotated secret stops working at once, though the hub keeps secrets between requests; the new one works at once', async () => {
    const { fixture, post, agent } = await shop();
    expect((await post(message({ text: 'before' }))).status).toBe(202);
    // Straight to the store, as a rotation on another hub node would be: this node still holds the old secret.
    const { secret: rotated } = await t.hub.admin.issueWebhookSecret(fixture.accountId);
    const stale = await post(message({ text: 'signed with the old secret' }));
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('unauthorized');
    expect((await postSignedMessage(t.hub.url, fixture.accountId, rotated, message({ text: 'after' }))).status).toBe(202);
    expect((await post(message({ text: 'old secret again' }))).status).toBe(401);
    await eventually(() => expect(ofType(agent.events, 'message.created').map((e) => e.data.text)).toEqual(['before', 'after']));
  });

  it('a replayed eventId answers 409 with the first result and stores nothing twice', async () => {
    const { fixture, post, agent } = await shop('jd');
    const body = message();
    const first = await post(body);
    const replay = await post(body, { timestamp: Date.now() + 1 }); // freshly signed: only the eventId repeats
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ ok: false, error: { code: 'conflict' }, conversationId: first.body.conversationId, messageId: first.body.messageId });
    await post(message({ text: 'marker' }));
    await eventually(() => expect(ofType(agent.events, 'message.created')).toHaveLength(2));
    const fresh = await connectAgent(t.hub, fixture);
    expect(ofType(fresh.events, 'message.created').map((e) => e.data.text)).toEqual(['你好，我的快递三天没动了', 'marker']);
  });

  it.each([
    ['no text', { text: undefined }, 'text'],
    ['blank text', { text: '  ' }, 'text'],
    ['no customer name', { customer: { id: 'x' } }, 'customer.name'],
    ['a phone with letters', { customer: { id: 'x', name: 'x', phone: 'call me' } }, 'customer.phone'],
    ['sentAt as a date string', { sentAt: '2024-06-18' }, 'sentAt'],
  ])('a body with %s is refused with 400 naming %s', async (_, overrides, field) => {
    const { post } = await shop();
    const answer = await post(message(overrides));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'validation', message: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}: `)) });
  });

  it('a body that is not JSON is 400, an oversized one 413', async () => {
    const { post } = await shop();
    expect((await post(null, { rawBody: '{"eventId": ' })).body.error).toEqual({ code: 'validation', message: '(body): not valid JSON' });
    expect((await post(message({ text: '长'.repeat(9_000) }))).status).toBe(413);
  });

  it.each([
    ['an unknown account', async () => ({ accountId: 'no-such-shop', secret: 'x' })],
    ['a web-chat account', async () => ({ accountId: (await makeAccount(t.hub, 'webchat')).accountId, secret: 'x' })],
    ['a platform account without a secret', async () => ({ accountId: (await makeAccount(t.hub, 'douyin')).accountId, secret: 'x' })],
  ])('%s is 404', async (_, target) => {
    const { accountId, secret } = await target();
    const answer = await postSignedMessage(t.hub.url, accountId, secret, message());
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('not-found');
  });

  it('a flooding account gets 429 with Retry-After while another account still gets through', async () => {
    const flood = await shop('douyin');
    const quiet = await shop('douyin');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => flood.post(message({ text: `刷屏 ${i}` }))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(answers.find((a) => a.status === 429)).toMatchObject({ retryAfter: '1', body: { error: { code: 'rate-limited' } } });
    expect((await quiet.post(message())).status).toBe(202);
  });
});
