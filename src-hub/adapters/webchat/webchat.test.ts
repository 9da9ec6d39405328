import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CustomerMessage } from '../../../src-shared/hub/customer.js';
import { connectAgent, connectCustomer, makeAccount } from '../../testing/fixtures.js';
import { closeAllSockets, command, connect, connectOutcome, eventually } from '../../testing/sockets.js';
import { startTestHub, type TestHub } from '../../testing/testHub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

const messagesOf = (received: Array<{ name: string; payload: unknown }>) =>
  received.filter((r) => r.name === 'message').map((r) => CustomerMessage.parse(r.payload));

describe('web-chat customers', () => {
  it('a customer message reaches the agent, and the agent reply reaches the customer', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId, 'visitor-happy-path');
    const sent = await command(customer.socket, 'customer.send', { text: '发票抬头写错了，能重开吗？' });
    expect(sent).toMatchObject({ ok: true, message: { from: 'me', text: '发票抬头写错了，能重开吗？' } });

    // The agent's own agent.presence (routing) is not the customer's business here.
    const conversationEvents = () => agent.events.filter((e) => e.type !== 'agent.presence');
    await eventually(() =>
      expect(conversationEvents().map((e) => e.type)).toEqual(['conversation.upsert', 'message.created']),
    );
    const created = conversationEvents()[1]!;
    expect(created).toMatchObject({ type: 'message.created', data: { author: { kind: 'customer' }, private: false } });
    // Agents see a derived customer id, never the visitor id that opens the chat history.
    expect(JSON.stringify(agent.events)).not.toContain('visitor-happy-path');

    const conversationId = sent.message.conversationId;
    await command(agent.socket, 'message.send', { clientId: 'reply-0001', conversationId, text: '可以的，请提供新的抬头' });
    await eventually(() =>
      expect(messagesOf(customer.received).map((m) => [m.from, m.text])).toEqual([
        ['me', '发票抬头写错了，能重开吗？'],
        ['agent', '可以的，请提供新的抬头'],
      ]),
    );
    expect(messagesOf(customer.received)[1]!.authorName).toBe('The agent');
  });

  it('a private note reaches agents but never the customer, live or in history', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId, 'visitor-notes');
    const { message } = await command(customer.socket, 'customer.send', { text: '东西是坏的' });
    const note = await command(agent.socket, 'note.add', { clientId: 'note-00001', conversationId: message.conversationId, text: '这位客户上周也投诉过' });
    expect(note).toMatchObject({ ok: true, message: { private: true } });
    await command(agent.socket, 'message.send', { clientId: 'reply-00001', conversationId: message.conversationId, text: '非常抱歉，马上为您换货' });

    await eventually(() => expect(messagesOf(customer.received)).toHaveLength(2));
    expect(agent.events.some((e) => e.type === 'message.created' && e.data.private)).toBe(true);
    const later = connectCustomer(t.hub, fixture.accountId, 'visitor-notes');
    const history = await new Promise<{ messages: unknown[] }>((resolve) => later.socket.once('history', resolve));
    const texts = history.messages.map((m) => CustomerMessage.parse(m).text);
    expect(texts).toEqual(['东西是坏的', '非常抱歉，马上为您换货']);
    expect(JSON.stringify(customer.received)).not.toContain('上周也投诉过');
  });

  it('refuses unknown accounts and malformed visitor ids', async () => {
    const unknown = await connectOutcome(connect(t.hub.url, '/customer', { accountId: 'nobody-here', visitorId: 'visitor-123' }).socket);
    expect(unknown.code).toBe('auth/unknown-account');
    const fixture = await makeAccount(t.hub);
    const bad = await connectOutcome(connect(t.hub.url, '/customer', { accountId: fixture.accountId, visitorId: 'short' }).socket);
    expect(bad.code).toBe('auth/invalid-handshake');
  });

  it.each([[{ text: '' }], [{ text: 'x'.repeat(10_001) }], ['junk'], [null]])('customer.send %j is a validation error', async (payload) => {
    const fixture = await makeAccount(t.hub);
    const customer = connectCustomer(t.hub, fixture.accountId);
    expect(await command(customer.socket, 'customer.send', payload)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('widget page', () => {
  it('serves the page for a known account with a strict CSP and no inline script', async () => {
    const fixture = await makeAccount(t.hub);
    const response = await fetch(`${t.hub.url}/widget/${fixture.accountId}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain(`data-account-id="${fixture.accountId}"`);
    expect(html).not.toMatch(/<script>|<style|style="/);
    for (const testId of ['widget-input', 'widget-send', 'widget-messages', 'widget-status']) expect(html).toContain(`data-testid="${testId}"`);
  });

  it.each([
    ['/widget/static/widget.js', 'text/javascript'],
    ['/widget/static/locales.js', 'text/javascript'],
    ['/widget/static/widget.css', 'text/css'],
    ['/socket.io/socket.io.min.js', 'javascript'],
  ])('serves %s', async (path, type) => {
    const response = await fetch(`${t.hub.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
  });

  it('the widget script never writes message text as HTML', async () => {
    const script = await (await fetch(`${t.hub.url}/widget/static/widget.js`)).text();
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it.each(['/widget/no-such-shop', '/widget/static/secrets.txt', '/widget/..%2Fadmin.secret'])('%s is 404', async (path) => {
    expect((await fetch(`${t.hub.url}${path}`)).status).toBe(404);
  });

  it('answers /healthz', async () => {
    expect(await (await fetch(`${t.hub.url}/healthz`)).json()).toEqual({ ok: true });
  });
});
