import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { HubEvent } from '../../../src-shared/hub/events.js';
import { adminSecretPath } from '../../http/adminSecret.js';
import { postSignedMessage } from '../../sim/connectorClient.js';
import { startTestCallback, type TestCallback } from '../../testing/callback.js';
import { connectAgent, customerSays, makeAccount } from '../../testing/fixtures.js';
import { closeAllSockets, command, eventually } from '../../testing/sockets.js';
import { startTestHub, uniqueId, type TestHub } from '../../testing/testHub.js';
import { verifySignature } from './signature.js';

let t: TestHub;
let callback: TestCallback;
let adminSecret: string;
beforeAll(async () => {
  callback = await startTestCallback();
  t = await startTestHub(undefined, { webhook: { retryDelaysMs: [20, 40, 80] } });
  adminSecret = (await readFile(adminSecretPath(t.dataDir), 'utf8')).trim();
});
afterEach(closeAllSockets);
afterAll(async () => {
  await t.dispose();
  await callback.close();
});

const statuses = (events: HubEvent[]) => events.flatMap((e) => (e.type === 'message.status' ? [e.data.status] : []));
const admin = (path: string, method = 'GET') =>
  fetch(`${t.hub.url}${path}`, { method, headers: { authorization: `Bearer ${adminSecret}` } }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

/** A Taobao shop whose customer 小红 wrote once; the agent is connected. */
async function conversation() {
  const fixture = await makeAccount(t.hub, 'taobao');
  const { secret } = await t.hub.admin.issueWebhookSecret(fixture.accountId, { callbackUrl: callback.url });
  const agent = await connectAgent(t.hub, fixture);
  const body = { eventId: uniqueId('evt'), customer: { id: 'tb_xiaohong', name: '小红' }, text: '这件衣服有 M 码吗？', sentAt: Date.now() };
  const { conversationId } = (await postSignedMessage(t.hub.url, fixture.accountId, secret, body)).body;
  const reply = async (text: string) => (await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId, text })).message;
  return { fixture, secret, agent, conversationId, reply, sentTo: () => callback.attempts.filter((a) => a.raw.includes(conversationId)) };
}

it('agent replies reach the callback signed, in order, and are marked delivered; notes never leave', async () => {
  const { secret, agent, conversationId, reply, sentTo } = await conversation();
  await command(agent.socket, 'note.add', { clientId: uniqueId('note'), conversationId, text: '内部备注' });
  const first = await reply('有的，M 码有货。');
  const second = await reply('今天下单明天发货。');

  await eventually(() => expect(statuses(agent.events)).toEqual(['delivered', 'delivered']));
  const [a, b] = sentTo();
  expect(sentTo()).toHaveLength(2);
  for (const attempt of [a!, b!]) {
    const check = verifySignature({ secret, timestamp: attempt.headers['x-timestamp'] as string, signature: attempt.headers['x-signature'] as string, rawBody: attempt.raw, now: Date.now() });
    expect(check).toEqual({ ok: true });
  }
  expect(JSON.parse(a!.raw.toString())).toEqual({ eventId: expect.stringMatching(/^wo_/), conversationId, customerId: 'tb_xiaohong', text: '有的，M 码有货。', sentAt: first.createdAt });
  expect(JSON.parse(b!.raw.toString())).toMatchObject({ text: '今天下单明天发货。', sentAt: second.createdAt });
  expect(callback.attempts.some((x) => x.raw.includes('内部备注'))).toBe(false);
});

it('a callback that is down: retries, a dead letter and `failed`; re-queued from the admin API once it is back: `delivered`', async () => {
  const { fixture, agent, reply, sentTo } = await conversation();
  callback.down = true;
  const message = await reply('抱歉久等了');
  await eventually(() => expect(statuses(agent.events)).toEqual(['failed']));
  expect(sentTo()).toHaveLength(4); // one attempt, then one per delay
  const eventIds = new Set(sentTo().map((x) => JSON.parse(x.raw.toString()).eventId));
  expect(eventIds.size).toBe(1); // the same eventId every time, so the connector can drop duplicates

  expect((await fetch(`${t.hub.url}/admin/webhook/dead-letters`)).status).toBe(401);
  const listed = await admin(`/admin/webhook/dead-letters?accountId=${fixture.accountId}`);
  expect(listed.body.deadLetters).toEqual([
    { id: [...eventIds][0], accountId: fixture.accountId, conversationId: message.conversationId, messageId: message.id, text: '抱歉久等了', attempts: 4, lastError: 'callback answered HTTP 503', failedAt: expect.any(Number) },
  ]);

  callback.down = false;
  const retried = await admin(`/admin/webhook/dead-letters/${listed.body.deadLetters[0].id}/retry`, 'POST');
  expect(retried).toEqual({ status: 202, body: { ok: true, id: listed.body.deadLetters[0].id, state: 'pending' } });
  await eventually(() => expect(statuses(agent.events)).toEqual(['failed', 'delivered']));
  expect((await admin(`/admin/webhook/dead-letters?accountId=${fixture.accountId}`)).body.deadLetters).toEqual([]);
  expect((await admin(`/admin/webhook/dead-letters/${listed.body.deadLetters[0].id}/retry`, 'POST')).status).toBe(409);
  expect((await admin('/admin/webhook/dead-letters/nope/retry', 'POST')).status).toBe(404);
});

it('a reply on an account without a callback URL is a dead letter at once; setting the URL and retrying delivers it', async () => {
  const { fixture, agent, reply } = await conversation();
  await admin(`/admin/webhook/accounts/${fixture.accountId}/callback`, 'POST'); // no body: refused, URL unchanged
  const cleared = await fetch(`${t.hub.url}/admin/webhook/accounts/${fixture.accountId}/callback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminSecret}` },
    body: JSON.stringify({ callbackUrl: null }),
  });
  expect(cleared.status).toBe(200);
  await reply('请稍等');
  await eventually(() => expect(statuses(agent.events)).toEqual(['failed']));
  const [dead] = (await admin(`/admin/webhook/dead-letters?accountId=${fixture.accountId}`)).body.deadLetters;
  expect(dead).toMatchObject({ attempts: 0, lastError: 'the account has no callback URL' });

  await fetch(`${t.hub.url}/admin/webhook/accounts/${fixture.accountId}/callback`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminSecret}` },
    body: JSON.stringify({ callbackUrl: callback.url }),
  });
  await admin(`/admin/webhook/dead-letters/${dead.id}/retry`, 'POST');
  await eventually(() => expect(statuses(agent.events)).toEqual(['failed', 'delivered']));
});

it('a web-chat visitor of a platform account is answered through the widget, never through the callback', async () => {
  const fixture = await makeAccount(t.hub, 'taobao');
  await t.hub.admin.issueWebhookSecret(fixture.accountId, { callbackUrl: callback.url });
  const agent = await connectAgent(t.hub, fixture);
  const conversationId = await customerSays(t.hub, fixture.accountId, '网页上问一下：有优惠券吗？');
  await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId, text: '有的，满300减50。' });
  await new Promise((resolve) => setTimeout(resolve, 300)); // give a wrong delivery time to happen
  expect(callback.attempts.filter((a) => a.raw.includes(conversationId))).toEqual([]);
  expect(statuses(agent.events)).toEqual([]);
});

it('leads list and retry their own dead letters from the workstation (audited); agents and other accounts are refused', async () => {
  const { fixture, agent, reply } = await conversation();
  callback.down = true;
  const message = await reply('抱歉，系统繁忙，请再等一下');
  await eventually(() => expect(statuses(agent.events)).toEqual(['failed']));
  const lead = await connectAgent(t.hub, fixture, 'lead');

  expect(await command(agent.socket, 'delivery.deadLetters', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const listed = await command(lead.socket, 'delivery.deadLetters', {});
  expect(listed).toEqual({
    ok: true,
    deadLetters: [
      { id: expect.stringMatching(/^wo_/), conversationId: message.conversationId, messageId: message.id, attempts: 4, lastError: 'callback answered HTTP 503', failedAt: expect.any(Number), preview: '抱歉，系统繁忙，请再等一下' },
    ],
  });
  const { id } = listed.deadLetters[0];
  expect(await command(agent.socket, 'delivery.retry', { id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  // Another shop's lead neither sees nor retries it.
  const other = await makeAccount(t.hub, 'taobao');
  const otherLead = await connectAgent(t.hub, other, 'lead');
  expect(await command(otherLead.socket, 'delivery.deadLetters', {})).toEqual({ ok: true, deadLetters: [] });
  expect(await command(otherLead.socket, 'delivery.retry', { id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  expect(await command(lead.socket, 'delivery.retry', { id: 'bad id!' })).toMatchObject({ ok: false, error: { code: 'validation' } });

  callback.down = false;
  expect(await command(lead.socket, 'delivery.retry', { id })).toEqual({ ok: true });
  await eventually(() => expect(statuses(agent.events)).toEqual(['failed', 'delivered']));
  const audit = lead.events.flatMap((e) => (e.type === 'audit.entry' ? [e.data] : []));
  expect(audit).toEqual([expect.objectContaining({ action: 'delivery.retry', actorId: 'lead-1', conversationId: message.conversationId })]);
  expect(audit[0]!.detail).not.toContain('抱歉'); // the audit log never carries customer-facing text
  expect(await command(lead.socket, 'delivery.deadLetters', {})).toEqual({ ok: true, deadLetters: [] });
  expect(await command(lead.socket, 'delivery.retry', { id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
});
