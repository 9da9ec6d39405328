import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, connectCustomer, customerSays, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';
import { ask, botIsIdle, connectPerson, latest, shopWithBot, widgetLines } from './testing.js';

/** Short, so the tests run fast; long enough for a takeover to land before the bot speaks. */
const REPLY_DELAY_MS = 60;
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub(undefined, { bot: { replyDelayMs: REPLY_DELAY_MS } });
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

describe('takeover (supervisor)', () => {
  it('takes a bot conversation: the customer hears who joined; takeover, assigned, upsert and audit follow', async () => {
    const fixture = await shopWithBot(t.hub);
    const supervisor = await connectAgent(t.hub, fixture, 'supervisor');
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '下单后多久发货');
    await eventually(() => expect(widgetLines(customer).filter((m) => m.from === 'bot')).toHaveLength(1));

    const countBefore = supervisor.events.length;
    expect(await command(supervisor.socket, 'conversation.takeover', { conversationId })).toEqual({ ok: true });
    await eventually(() => expect(supervisor.events.slice(countBefore).map((e) => e.type)).toEqual([
      'conversation.takeover',
      'conversation.assigned',
      'conversation.upsert',
      'message.created',
      'audit.entry',
    ]));
    expect(latest(supervisor, conversationId)).toMatchObject({ owner: 'supervisor', status: 'open', assigneeId: 'supervisor-1' });
    expect(supervisor.events.at(-1)!.data).toMatchObject({ action: 'takeover', actorId: 'supervisor-1', conversationId, detail: 'from the bot' });
    await eventually(() => expect(widgetLines(customer).at(-1)).toMatchObject({ from: 'system', text: 'The supervisor 已接入，为您服务。' }));

    // Taking over what you already hold changes nothing.
    expect(await command(supervisor.socket, 'conversation.takeover', { conversationId })).toEqual({ ok: true });
    await command(supervisor.socket, 'agent.status', { status: 'online' });
    await eventually(() => expect(supervisor.events.at(-1)?.type).toBe('agent.presence'));
    expect(supervisor.events.filter((e) => e.type === 'conversation.takeover')).toHaveLength(1);
  });

  it('two supervisors at once: exactly one wins, the other is told who', async () => {
    const fixture = await shopWithBot(t.hub);
    const first = await connectAgent(t.hub, fixture, 'supervisor');
    const second = await connectPerson(t.hub, fixture, 'supervisor-2', 'supervisor');
    const conversationId = await ask(connectCustomer(t.hub, fixture.accountId), '下单后多久发货');

    const replies = await Promise.all([first, second].map((s) => command(s.socket, 'conversation.takeover', { conversationId })));
    const won = replies.filter((r) => r.ok);
    const lost = replies.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = replies[0].ok ? 'The supervisor' : 'Person supervisor-2';
    expect(lost[0]).toEqual({ ok: false, error: { code: 'conflict', message: `taken over by ${winner}` } });
    await eventually(() => expect(latest(first, conversationId)).toMatchObject({ owner: 'supervisor', assigneeName: winner }));
  });

  it('takes from an agent; the agent cannot claim it back; a resolved one is refused', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const supervisor = await connectAgent(t.hub, fixture, 'supervisor');
    const conversationId = await customerSays(t.hub, fixture.accountId, '我要投诉');
    await command(agent.socket, 'conversation.claim', { conversationId });
    expect(await command(supervisor.socket, 'conversation.takeover', { conversationId })).toEqual({ ok: true });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ owner: 'supervisor', assigneeId: 'supervisor-1' }));
    expect(await command(agent.socket, 'conversation.claim', { conversationId })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'taken over by The supervisor' },
    });

    await command(supervisor.socket, 'conversation.resolve', { conversationId });
    const other = await connectPerson(t.hub, fixture, 'supervisor-2', 'supervisor');
    expect(await command(other.socket, 'conversation.takeover', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('resolved') },
    });
  });

  it('racing the bot, always wins: no bot message after the takeover is committed', async () => {
    const fixture = await shopWithBot(t.hub);
    const supervisor = await connectAgent(t.hub, fixture, 'supervisor');
    // Each taken over at a different moment around the bot's reply (it waits REPLY_DELAY_MS): both orders occur.
    const conversations = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const conversationId = await ask(connectCustomer(t.hub, fixture.accountId), '什么时候能发货啊');
        await new Promise((resolve) => setTimeout(resolve, (i * 9) % (2 * REPLY_DELAY_MS)));
        expect(await command(supervisor.socket, 'conversation.takeover', { conversationId })).toEqual({ ok: true });
        return conversationId;
      }),
    );
    await botIsIdle(t.hub, fixture);
    let botFirst = 0;
    for (const id of conversations) {
      const ofIt = supervisor.events.filter((e) => 'conversationId' in e.data && e.data.conversationId === id);
      const takenAt = ofIt.find((e) => e.type === 'conversation.takeover')!.seq;
      const botSeqs = ofIt.filter((e) => e.type === 'message.created' && e.data.author.kind === 'bot').map((e) => e.seq);
      expect(botSeqs.every((seq) => seq < takenAt)).toBe(true);
      if (botSeqs.length > 0) botFirst++;
    }
    expect(botFirst).toBeLessThan(conversations.length);
  });
});

describe('roles are the hub’s to check', () => {
  it('an agent token cannot take over, assign or edit the KB', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const conversationId = await customerSays(t.hub, fixture.accountId, '你好');
    const calls: Array<[string, object]> = [
      ['conversation.takeover', { conversationId }],
      ['conversation.assign', { conversationId, assigneeId: 'agent-1' }],
      ['kb.upsert', { id: 'kb-x', kind: 'article', title: '标题', body: '内容', questions: ['问题'] }],
    ];
    for (const [name, payload] of calls) {
      expect(await command(agent.socket, name, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('nobody acts on another account’s conversation', async () => {
    const mine = await makeAccount(t.hub);
    const theirs = await makeAccount(t.hub);
    const foreign = await customerSays(t.hub, theirs.accountId, '别人的会话');
    const supervisor = await connectAgent(t.hub, mine, 'supervisor');
    const agent = await connectAgent(t.hub, mine);
    const calls: Array<[typeof agent, string, object]> = [
      [agent, 'conversation.claim', { conversationId: foreign }],
      [agent, 'message.send', { clientId: 'foreign-0001', conversationId: foreign, text: 'hi' }],
      [agent, 'conversation.escalate', { conversationId: foreign, target: 'tier2', reason: 'x' }],
      [agent, 'conversation.handback', { conversationId: foreign, to: 'queued' }],
      [supervisor, 'conversation.takeover', { conversationId: foreign }],
      [supervisor, 'conversation.assign', { conversationId: foreign, assigneeId: null }],
    ];
    for (const [socket, name, payload] of calls) {
      expect(await command(socket.socket, name, payload)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    const watcher = await connectAgent(t.hub, theirs, 'lead');
    expect(latest(watcher, foreign)).toMatchObject({ owner: 'queued', assigneeId: null });
  });
});
