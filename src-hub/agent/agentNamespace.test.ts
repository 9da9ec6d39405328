import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/hub/events.js';
import { connectAgent, customerSays, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, command, connect, connectOutcome, eventually } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

describe('handshake', () => {
  it('refuses a wrong secret with auth/invalid-token and explains it in err.data', async () => {
    const { accountId, tokens } = await makeAccount(t.hub);
    const forged = tokens.agent.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const outcome = await connectOutcome(connect(t.hub.url, '/agent', { accountId, token: forged, cursor: 0 }).socket);
    expect(outcome.code).toBe('auth/invalid-token');
    expect(outcome.data).toMatchObject({ code: 'auth/invalid-token', message: expect.any(String) });
  });

  it('refuses a token of another account', async () => {
    const a = await makeAccount(t.hub);
    const b = await makeAccount(t.hub);
    const outcome = await connectOutcome(connect(t.hub.url, '/agent', { accountId: a.accountId, token: b.tokens.agent, cursor: 0 }).socket);
    expect(outcome.code).toBe('auth/invalid-token');
  });

  it.each([
    ['no auth at all', undefined, 'auth/invalid-handshake'],
    ['a negative cursor', { accountId: 'shop-x', token: 'x', cursor: -1 }, 'auth/invalid-handshake'],
    ['an unknown account', { accountId: 'no-such-shop', token: 'ws1.no-such-shop.t_1.AAAAAAAAAAAAAAAAAAAA', cursor: 0 }, 'auth/unknown-account'],
  ])('refuses %s', async (_case, auth, code) => {
    const outcome = await connectOutcome(connect(t.hub.url, '/agent', auth ?? {}).socket);
    expect(outcome.code).toBe(code);
  });

  it('refuses a revoked token, and drops its live connection at revocation', async () => {
    const fixture = await makeAccount(t.hub);
    const { tokenId, token } = await t.hub.admin.issueToken({ accountId: fixture.accountId, personId: 'bob', personName: 'Bob', role: 'agent' });
    const live = connect(t.hub.url, '/agent', { accountId: fixture.accountId, token, cursor: 0 });
    await live.synced;
    const dropped = new Promise((resolve) => live.socket.once('disconnect', resolve));
    await t.hub.admin.revokeToken(tokenId);
    await dropped;
    const outcome = await connectOutcome(connect(t.hub.url, '/agent', { accountId: fixture.accountId, token, cursor: 0 }).socket);
    expect(outcome.code).toBe('auth/revoked-token');
  });

  it('opens the session with the person and role the token carries', async () => {
    const fixture = await makeAccount(t.hub);
    const lead = connect(t.hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.lead, cursor: 0 });
    const session = await lead.session;
    expect(session).toMatchObject({ protocol: 1, account: { id: fixture.accountId, channel: 'webchat' }, person: { id: 'lead-1', role: 'lead' } });
  });
});

describe('event log and sync', () => {
  it('numbers events 1, 2, 3… per account, independently of other accounts', async () => {
    const a = await makeAccount(t.hub);
    const b = await makeAccount(t.hub);
    await customerSays(t.hub, a.accountId, '你好');
    await customerSays(t.hub, b.accountId, '在吗');
    await customerSays(t.hub, a.accountId, '我的快递呢');
    const agent = await connectAgent(t.hub, a);
    // The agent's own arrival is journaled too (routing's presence), after the four customer events.
    await eventually(() => expect(agent.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]));
    expect(agent.events.at(-1)).toMatchObject({ type: 'agent.presence', data: { personId: 'agent-1', status: 'online' } });
    expect((await agent.session).headSeq).toBeGreaterThanOrEqual(4);
  });

  it('replays exactly the events after the cursor, then sync.done, then live events', async () => {
    const fixture = await makeAccount(t.hub);
    // Already online on another connection (seq 1, agent.presence): the one under test adds no event.
    const first = await connectAgent(t.hub, fixture);
    await eventually(() => expect(first.events.map((e) => e.type)).toEqual(['agent.presence']));
    await customerSays(t.hub, fixture.accountId, '第一条');
    await customerSays(t.hub, fixture.accountId, '第二条');
    const agent = await connectAgent(t.hub, fixture, 'agent', 3);
    expect(agent.events.map((e) => [e.seq, e.type])).toEqual([
      [4, 'conversation.upsert'],
      [5, 'message.created'],
    ]);
    expect(await agent.synced).toEqual({ seq: 5 });
    const syncIndex = agent.received.findIndex((r) => r.name === 'sync.done');
    expect(agent.received.slice(0, syncIndex).map((r) => r.name)).toEqual(['session.opened', 'event', 'event']);

    await customerSays(t.hub, fixture.accountId, '第三条');
    await eventually(() => expect(agent.events.map((e) => e.seq)).toEqual([4, 5, 6, 7]));
  });

  it('a client that asks for batched frames gets the replay and each commit in `events` frames, never `event`', async () => {
    const fixture = await makeAccount(t.hub);
    await customerSays(t.hub, fixture.accountId, '第一条');
    const agent = connect(t.hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: 0, frames: 'batched' });
    await agent.synced;
    await customerSays(t.hub, fixture.accountId, '第二条');
    await eventually(() => expect(agent.events.filter((e) => e.type === 'message.created')).toHaveLength(2));
    const frames = agent.received.filter((r) => r.name === 'events').map((r) => (r.payload as { events: HubEvent[] }).events.map((e) => e.type));
    // The replay (the first message's two events), then the second message's commit as one frame
    // (the agent's own presence may share the first live frame or come alone).
    expect(frames[0]).toEqual(['conversation.upsert', 'message.created']);
    expect(frames.flat().slice(-2)).toEqual(['conversation.upsert', 'message.created']);
    expect(frames.flat()).toHaveLength(agent.events.length);
    expect(agent.received.some((r) => r.name === 'event')).toBe(false);
    expect(agent.events.map((e) => e.seq)).toEqual(Array.from({ length: agent.events.length }, (_, i) => i + 1));
  });

  it('delivers one contiguous run of seqs while customers write concurrently (see syncStream.test for the exact race)', async () => {
    const fixture = await makeAccount(t.hub);
    const writes = Array.from({ length: 30 }, (_, i) => customerSays(t.hub, fixture.accountId, `消息 ${i}`, `visitor-${i}-xxxx`));
    await customerSays(t.hub, fixture.accountId, '先来一条');
    const agent = await connectAgent(t.hub, fixture);
    await Promise.all(writes);
    // 62 customer events and the agent's own agent.presence, wherever it fell among them.
    await eventually(() => expect(agent.events).toHaveLength(63));
    expect(agent.events.map((e) => e.seq)).toEqual(Array.from({ length: 63 }, (_, i) => i + 1));
  });
});

describe('commands', () => {
  it('message.send is idempotent on clientId: one message.created, the replay acked as duplicate', async () => {
    const fixture = await makeAccount(t.hub);
    const conversationId = await customerSays(t.hub, fixture.accountId, '退款什么时候到账？');
    const agent = await connectAgent(t.hub, fixture);
    const input = { clientId: 'client-abc-123', conversationId, text: '您好，退款已经原路退回' };
    const first = await command(agent.socket, 'message.send', input);
    const second = await command(agent.socket, 'message.send', input);
    expect(first).toMatchObject({ ok: true, duplicate: false, message: { clientId: 'client-abc-123', author: { kind: 'agent' } } });
    expect(second).toEqual({ ...first, duplicate: true });
    await eventually(() => expect(agent.events.filter((e) => e.type === 'message.created')).toHaveLength(2));
    const before = agent.events.length;
    await command(agent.socket, 'agent.status', { status: 'away' }); // a later event proves nothing else was queued
    await eventually(() => expect(agent.events.at(-1)?.type).toBe('agent.presence'));
    expect(agent.events).toHaveLength(before + 1);
  });

  it('message.send to a missing conversation is not-found', async () => {
    const agent = await connectAgent(t.hub, await makeAccount(t.hub));
    const reply = await command(agent.socket, 'message.send', { clientId: 'client-0000001', conversationId: 'c_missing', text: 'hi' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it.each([
    ['message.send', 'not an object', '(root)'],
    ['message.send', null, '(root)'],
    ['message.send', { conversationId: 'c1', text: 'hi' }, 'clientId'],
    ['message.send', { clientId: 'client-0001', conversationId: 'c1', text: '   ' }, 'text'],
    ['message.send', { clientId: 'client-0001', conversationId: 'bad id!', text: 'hi' }, 'conversationId'],
    ['conversation.claim', 42, '(root)'],
    ['conversation.escalate', { conversationId: 'c1', target: 'boss', reason: 'x' }, 'target'],
    ['agent.status', { status: 'sleeping' }, 'status'],
    ['note.add', [], '(root)'],
  ])('%s with %j is a validation error naming %s, and the socket keeps working', async (name, payload, field) => {
    const agent = await connectAgent(t.hub, await makeAccount(t.hub));
    const reply = await command(agent.socket, name, payload);
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('validation');
    expect(reply.error.message.startsWith(`${field}:`)).toBe(true);
    expect(await command(agent.socket, 'agent.status', { status: 'online' })).toEqual({ ok: true });
  });

  it('survives commands without an ack callback and answers unknown commands', async () => {
    const agent = await connectAgent(t.hub, await makeAccount(t.hub));
    agent.socket.emit('message.send', { junk: true });
    agent.socket.emit('conversation.claim');
    expect(await command(agent.socket, 'conversation.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await command(agent.socket, 'agent.status', { status: 'online' })).toEqual({ ok: true });
  });

  it.each([
    ['agent', 'conversation.takeover', false],
    ['lead', 'conversation.takeover', false],
    ['supervisor', 'conversation.takeover', true],
    ['agent', 'kb.upsert', false],
    ['lead', 'kb.upsert', true],
  ] as const)('%s calling %s is allowed: %s', async (role, name, allowed) => {
    const fixture = await makeAccount(t.hub);
    const conversationId = await customerSays(t.hub, fixture.accountId, '转人工');
    const caller = await connectAgent(t.hub, fixture, role);
    const payload =
      name === 'kb.upsert'
        ? { id: 'kb-1', kind: 'canned', title: '发货时间', body: '付款后48小时内发货', questions: ['什么时候发货'] }
        : { conversationId };
    const reply = await command(caller.socket, name, payload);
    if (allowed) expect(reply).toEqual({ ok: true });
    else expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('claim assigns to the caller; another agent cannot claim it; resolve closes it', async () => {
    const fixture = await makeAccount(t.hub);
    const conversationId = await customerSays(t.hub, fixture.accountId, '尺码问题');
    const agent = await connectAgent(t.hub, fixture);
    expect(await command(agent.socket, 'conversation.claim', { conversationId })).toEqual({ ok: true });
    await eventually(() =>
      expect(agent.events.slice(-2)).toMatchObject([
        { type: 'conversation.assigned', data: { conversationId, assigneeId: 'agent-1', assigneeName: 'The agent' } },
        { type: 'conversation.upsert', data: { id: conversationId, assigneeId: 'agent-1', status: 'open' } },
      ]),
    );
    const { token } = await t.hub.admin.issueToken({ accountId: fixture.accountId, personId: 'agent-2', personName: 'Other', role: 'agent' });
    const other = connect(t.hub.url, '/agent', { accountId: fixture.accountId, token, cursor: 0 });
    await other.synced;
    expect(await command(other.socket, 'conversation.claim', { conversationId })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await command(agent.socket, 'conversation.resolve', { conversationId })).toEqual({ ok: true });
    await eventually(() => expect(agent.events.at(-1)).toMatchObject({ type: 'conversation.upsert', data: { status: 'resolved' } }));
  });

  it('a customer writing after resolution starts a new conversation', async () => {
    const fixture = await makeAccount(t.hub);
    const first = await customerSays(t.hub, fixture.accountId, '问题一', 'visitor-returning');
    const again = await customerSays(t.hub, fixture.accountId, '补充一下', 'visitor-returning');
    expect(again).toBe(first);
    const agent = await connectAgent(t.hub, fixture);
    await command(agent.socket, 'conversation.resolve', { conversationId: first });
    expect(await customerSays(t.hub, fixture.accountId, '新问题', 'visitor-returning')).not.toBe(first);
  });
});
