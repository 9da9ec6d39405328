import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent, HubEventOf } from '../../../src-shared/hub/events.js';
import { connectAgent, makeAccount, type AccountFixture } from '../../testing/fixtures.js';
import { smtpCodeOf, sendTestMail, startTestRelay, type TestRelay } from '../../testing/smtp.js';
import { closeAllSockets, command, eventually } from '../../testing/sockets.js';
import { startTestHub, uniqueId, type TestHub } from '../../testing/testHub.js';

/** Real SMTP both ways: nodemailer → the hub's listener, the hub → a second smtp-server standing in for the relay. */
let relay: TestRelay;
let t: TestHub;
beforeAll(async () => {
  relay = await startTestRelay();
  t = await startTestHub(undefined, {
    email: { smtpPort: 0, relay: { host: '127.0.0.1', port: relay.port }, maxMessageBytes: 256 * 1024, retryDelaysMs: [50, 100] },
  });
});
afterEach(closeAllSockets);
afterAll(async () => {
  await t.dispose();
  await relay.close();
});

const smtpPort = () => t.hub.email!.smtpPort!;
const inbox = (fixture: AccountFixture) => t.hub.email!.addressOf(fixture.accountId);
const customerAddress = () => `${uniqueId('buyer')}@customer.example`;
/** For `eventually`: undefined is "not yet", so it must throw. */
const must = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('not there yet');
  return value;
};
const ofType = <T extends HubEvent['type']>(events: HubEvent[], type: T) => events.filter((e): e is HubEventOf<T> => e.type === type);

async function emailAccount() {
  const fixture = await makeAccount(t.hub, 'email');
  return { fixture, agent: await connectAgent(t.hub, fixture) };
}

describe('inbound mail', () => {
  it('a new mail becomes a conversation an agent sees, with subject, customer and text', async () => {
    const { fixture, agent } = await emailAccount();
    const from = customerAddress();
    await sendTestMail(smtpPort(), { from: `"王小明" <${from}>`, to: inbox(fixture), subject: '发票问题', text: '发票抬头写错了，能重开吗？' });

    // Routing's agent.presence for the agent's own connection aside.
    await eventually(() => expect(agent.events.filter((e) => e.type !== 'agent.presence').map((e) => e.type)).toEqual(['conversation.upsert', 'message.created']));
    const [upsert] = ofType(agent.events, 'conversation.upsert');
    expect(upsert!.data).toMatchObject({ channel: 'email', subject: '发票问题', status: 'open', customer: { name: '王小明', email: from } });
    expect(ofType(agent.events, 'message.created')[0]!.data).toMatchObject({ text: '发票抬头写错了，能重开吗？', author: { kind: 'customer' } });
  });

  it('an HTML-only mail with a script becomes safe text with its line breaks', async () => {
    const { fixture, agent } = await emailAccount();
    const html = '<p>第一行</p><script>alert("x")</script><div>second<br>line <b>bold</b> &amp; <img src=x onerror=alert(2)></div>';
    await sendTestMail(smtpPort(), { from: customerAddress(), to: inbox(fixture), subject: 'html', html });

    const created = await eventually(() => ofType(agent.events, 'message.created')[0]!.data);
    expect(created.text).toBe('第一行\nsecond\nline bold &');
    expect(created.text).not.toMatch(/<|alert|onerror/);
  });

  it('strips the quoted history and lists attachments by name and size', async () => {
    const { fixture, agent } = await emailAccount();
    await sendTestMail(smtpPort(), {
      from: customerAddress(),
      to: inbox(fixture),
      subject: 'with attachment',
      text: '见附件\n\nOn Mon, 1 Jan 2024, Shop <shop@x> wrote:\n> 旧的内容',
      attachments: [{ filename: 'invoice.pdf', content: Buffer.alloc(30 * 1024, 1) }],
    });
    const created = await eventually(() => ofType(agent.events, 'message.created')[0]!.data);
    expect(created.text).toBe('见附件\n[附件 attachment: invoice.pdf, 30 KB]');
  });

  it('a mail delivered twice (same Message-ID) is one message', async () => {
    const { fixture, agent } = await emailAccount();
    const mail = { from: customerAddress(), to: inbox(fixture), subject: 'twice', text: '只发一次', messageId: `<${uniqueId('dup')}@customer.example>` };
    await sendTestMail(smtpPort(), mail);
    await sendTestMail(smtpPort(), mail);
    await sendTestMail(smtpPort(), { ...mail, messageId: undefined, text: 'marker' });
    await eventually(() => expect(ofType(agent.events, 'message.created').map((e) => e.data.text)).toEqual(['只发一次', 'marker']));
  });

  it.each([
    ['an unknown mailbox', () => 'nobody-here@localhost'],
    ['a web-chat account', async () => `${(await makeAccount(t.hub, 'webchat')).accountId}@localhost`],
  ])('mail to %s is refused with 550', async (_, recipient) => {
    expect(await smtpCodeOf(smtpPort(), { from: customerAddress(), to: await recipient(), subject: 'x', text: 'x' })).toBe(550);
  });

  it('an oversized mail is refused with 552 and leaves no trace', async () => {
    const { fixture, agent } = await emailAccount();
    const code = await smtpCodeOf(smtpPort(), { from: customerAddress(), to: inbox(fixture), subject: 'big', text: 'x'.repeat(300 * 1024) });
    expect(code).toBe(552);
    await sendTestMail(smtpPort(), { from: customerAddress(), to: inbox(fixture), subject: 'small', text: 'after the big one' });
    await eventually(() => expect(ofType(agent.events, 'message.created').map((e) => e.data.text)).toEqual(['after the big one']));
  });

  it('malformed mail does not crash the hub: no From is refused with 554, broken MIME still arrives', async () => {
    const { fixture, agent } = await emailAccount();
    const envelope = { from: 'sender@customer.example', to: [inbox(fixture)] };
    expect(await smtpCodeOf(smtpPort(), { envelope, raw: '\u0000\u00ff garbage\r\n\r\nno headers at all' })).toBe(554);
    const broken = [
      'From: =?x-bogus?Q?=ZZ?= <broken@customer.example>',
      'Subject: =?utf-8?B?!!!?=',
      'Content-Type: multipart/mixed; boundary="zz"',
      '',
      '--zz',
      'Content-Type: text/plain; charset=no-such-charset',
      'Content-Transfer-Encoding: base64',
      '',
      '!!!not base64!!!',
    ].join('\r\n');
    expect(await smtpCodeOf(smtpPort(), { envelope, raw: broken })).toBe(250);
    await eventually(() => expect(ofType(agent.events, 'conversation.upsert')[0]?.data.customer.email).toBe('broken@customer.example'));
    expect((await fetch(`${t.hub.url}/healthz`)).status).toBe(200);
  });
});

describe('replies', () => {
  it('an agent reply reaches the relay with threading headers, and the customer answer lands in the same conversation', async () => {
    const { fixture, agent } = await emailAccount();
    const from = customerAddress();
    const firstId = `${uniqueId('first')}@customer.example`;
    await sendTestMail(smtpPort(), { from, to: inbox(fixture), subject: '退货', text: '怎么退货？', messageId: `<${firstId}>` });
    const conversationId = await eventually(() => ofType(agent.events, 'conversation.upsert')[0]!.data.id);

    const ack = await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId, text: '请在订单页申请退货。' });
    expect(ack.ok).toBe(true);
    const sent = await eventually(() => must(relay.received.find((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(from))));
    expect(sent.subject).toBe('Re: 退货');
    expect(sent.from?.value[0]).toMatchObject({ address: inbox(fixture), name: `Shop ${fixture.accountId}` });
    expect(sent.inReplyTo).toBe(`<${firstId}>`);
    expect([sent.references].flat()).toEqual([`<${firstId}>`]);
    expect(sent.text?.trim()).toBe('请在订单页申请退货。');
    await eventually(() => expect(ofType(agent.events, 'message.status').map((e) => e.data)).toEqual([
      { messageId: ack.message.id, conversationId, status: 'delivered' },
    ]));

    // The customer answers the hub's mail: only In-Reply-To names the conversation.
    await sendTestMail(smtpPort(), { from, to: inbox(fixture), subject: 'Re: 退货', text: '好的，谢谢', inReplyTo: sent.messageId!, references: sent.messageId! });
    await eventually(() => expect(ofType(agent.events, 'message.created').map((e) => e.data.text)).toContain('好的，谢谢'));
    const created = ofType(agent.events, 'message.created');
    expect(new Set(created.map((e) => e.data.conversationId))).toEqual(new Set([conversationId]));
    expect(new Set(ofType(agent.events, 'conversation.upsert').map((e) => e.data.id))).toEqual(new Set([conversationId]));

    // A second reply carries the whole chain.
    await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId, text: '不客气' });
    const second = await eventually(() => must(relay.received.find((m) => m.text?.includes('不客气'))));
    expect(second.inReplyTo).not.toBe(sent.messageId);
    expect([second.references].flat()).toEqual([`<${firstId}>`, sent.messageId, second.inReplyTo]);
  });

  it('a private note is never mailed', async () => {
    const { fixture, agent } = await emailAccount();
    const from = customerAddress();
    await sendTestMail(smtpPort(), { from, to: inbox(fixture), subject: 'note', text: 'hello' });
    const conversationId = await eventually(() => ofType(agent.events, 'conversation.upsert')[0]!.data.id);
    await command(agent.socket, 'note.add', { clientId: uniqueId('note'), conversationId, text: '内部备注' });
    await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId, text: 'public answer' });
    await eventually(() => expect(relay.received.some((m) => m.text?.includes('public answer'))).toBe(true));
    expect(relay.received.some((m) => m.text?.includes('内部备注'))).toBe(false);
  });
});
