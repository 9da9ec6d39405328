import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TEXTS } from '../bot/botTexts.js';
import { connectAgent, connectCustomer, customerSays, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';
import { ask, botIsIdle, claimedFromTheBot, connectPerson, latest, shopWithBot, widgetLines } from './testing.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub(undefined, { bot: { replyDelayMs: 40 } });
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

describe('ownership held by the hub', () => {
  it('follows a web-chat conversation: bot → queued (hand-over) → human (claim) → resolved, each upsert saying who and since when', async () => {
    const fixture = await shopWithBot(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '下单后多久发货');
    const first = latest(agent, conversationId) ?? (await eventually(() => latest(agent, conversationId)!));
    expect(first).toMatchObject({ owner: 'bot', status: 'bot', queue: 'general', bot: { turns: 0, lastConfidence: null, handoverReason: null } });
    expect(first.waitingSince).toBe(first.lastActivityAt);

    // The bot answered: nobody waits, and its record says how sure it was.
    await eventually(() => expect(latest(agent, conversationId)?.bot?.turns).toBe(1));
    const answered = latest(agent, conversationId)!;
    expect(answered).toMatchObject({ owner: 'bot', waitingSince: null });
    expect(answered.bot!.lastConfidence).toBeGreaterThan(0.25);

    await ask(customer, '转人工');
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ owner: 'queued', status: 'open', assigneeId: null }));
    const handedOver = latest(agent, conversationId)!;
    expect(handedOver.bot).toMatchObject({ turns: 2, handoverReason: 'requested' });
    // Handed over, the customer still waits: for a person now.
    expect(handedOver.waitingSince).toBe(handedOver.lastActivityAt);

    expect(await command(agent.socket, 'conversation.claim', { conversationId })).toEqual({ ok: true });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ owner: 'human', status: 'open', assigneeId: 'agent-1' }));
    await command(agent.socket, 'message.send', { clientId: 'owner-reply-01', conversationId, text: '您好，我来帮您' });
    await eventually(() => expect(latest(agent, conversationId)?.waitingSince).toBeNull());

    await command(agent.socket, 'conversation.resolve', { conversationId });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ status: 'resolved', owner: 'human', assigneeId: 'agent-1' }));
  });

  it('without a bot a new conversation waits in the general queue', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const conversationId = await customerSays(t.hub, fixture.accountId, '在吗');
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ owner: 'queued', queue: 'general', status: 'open', assigneeId: null }));
    expect(latest(agent, conversationId)!.waitingSince).toEqual(expect.any(Number));
  });
});

describe('hand-back', () => {
  it('the owner hands back to the bot: the customer is told, and the bot answers again', async () => {
    const { agent, customer, conversationId } = await claimedFromTheBot(t.hub);

    expect(await command(agent.socket, 'conversation.handback', { conversationId, to: 'bot' })).toEqual({ ok: true });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ owner: 'bot', status: 'bot', assigneeId: null }));
    expect(agent.events.find((e) => e.type === 'conversation.handback')!.data).toEqual({ conversationId, to: 'bot', byId: 'agent-1', assigneeId: null, queue: 'general' });
    await eventually(() => expect(widgetLines(customer).at(-1)).toMatchObject({ from: 'bot', text: BOT_TEXTS.backToBot['zh-CN'] }));

    await ask(customer, '怎么开发票');
    await eventually(() => expect(widgetLines(customer).at(-1)).toMatchObject({ from: 'bot', text: expect.stringContaining('申请开票') }));
  });

  it('to the queue: unassigned in its queue, and the bot stays silent', async () => {
    const { fixture, agent, customer, conversationId } = await claimedFromTheBot(t.hub);
    expect(await command(agent.socket, 'conversation.handback', { conversationId, to: 'queued' })).toEqual({ ok: true });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ owner: 'queued', assigneeId: null, status: 'open' }));
    const botLinesBefore = widgetLines(customer).filter((m) => m.from === 'bot').length;
    await ask(customer, '下单后多久发货');
    await botIsIdle(t.hub, fixture);
    expect(widgetLines(customer).filter((m) => m.from === 'bot')).toHaveLength(botLinesBefore);
  });

  it('is refused to the bot where no bot serves, to an agent who does not own it, and allowed to a lead', async () => {
    const fixture = await makeAccount(t.hub);
    const owner = await connectAgent(t.hub, fixture);
    const other = await connectPerson(t.hub, fixture, 'agent-2', 'agent');
    const lead = await connectAgent(t.hub, fixture, 'lead');
    const conversationId = await customerSays(t.hub, fixture.accountId, '你好');
    await command(owner.socket, 'conversation.claim', { conversationId });

    const toBot = await command(owner.socket, 'conversation.handback', { conversationId, to: 'bot' });
    expect(toBot).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('bot does not serve') } });
    expect(await command(other.socket, 'conversation.handback', { conversationId, to: 'queued' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await command(lead.socket, 'conversation.handback', { conversationId, to: 'queued' })).toEqual({ ok: true });
    await eventually(() => expect(latest(lead, conversationId)).toMatchObject({ owner: 'queued', assigneeId: null }));
  });
});

describe('assign (lead, supervisor)', () => {
  it('to a named person, back to a queue, and not to a stranger', async () => {
    const fixture = await shopWithBot(t.hub);
    const lead = await connectAgent(t.hub, fixture, 'lead');
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '下单后多久发货');
    await eventually(() => expect(widgetLines(customer).filter((m) => m.from === 'bot')).toHaveLength(1));

    expect(await command(lead.socket, 'conversation.assign', { conversationId, assigneeId: 'agent-1' })).toEqual({ ok: true });
    await eventually(() => expect(latest(lead, conversationId)).toMatchObject({ owner: 'human', assigneeId: 'agent-1', assigneeName: 'The agent' }));
    expect(lead.events.filter((e) => e.type === 'conversation.assigned').at(-1)!.data).toEqual({ conversationId, assigneeId: 'agent-1', assigneeName: 'The agent' });
    // The bot had it: the customer hears who joined, and the bot is silent from here.
    await eventually(() => expect(widgetLines(customer).at(-1)).toMatchObject({ from: 'system', text: 'The agent 已接入，为您服务。' }));

    expect(await command(lead.socket, 'conversation.assign', { conversationId, assigneeId: null, queue: 'tier2' })).toEqual({ ok: true });
    await eventually(() => expect(latest(lead, conversationId)).toMatchObject({ owner: 'queued', queue: 'tier2', assigneeId: null }));

    expect(await command(lead.socket, 'conversation.assign', { conversationId, assigneeId: 'nobody-here' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await ask(customer, '怎么开发票');
    await botIsIdle(t.hub, fixture);
    expect(widgetLines(customer).filter((m) => m.from === 'bot')).toHaveLength(1);
  });
});

describe('escalate', () => {
  it('moves the conversation to the target queue, unassigned, tells the customer, and lands once per clientId', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '我要退货，已经等了一周');
    await command(agent.socket, 'conversation.claim', { conversationId });
    const input = { conversationId, target: 'tier2', reason: '退货超时', clientId: 'esc-client-0001', summary: '客户等待退货一周' };

    expect(await command(agent.socket, 'conversation.escalate', input)).toEqual({ ok: true, queue: 'tier2', servedBy: 1 });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ owner: 'queued', queue: 'tier2', assigneeId: null, status: 'open' }));
    expect(agent.events.find((e) => e.type === 'conversation.escalated')!.data).toEqual({
      conversationId,
      target: 'tier2',
      reason: '退货超时',
      byId: 'agent-1',
      queue: 'tier2',
      byName: 'The agent',
      summary: '客户等待退货一周',
    });
    await eventually(() => expect(widgetLines(customer).at(-1)).toMatchObject({ from: 'system', text: BOT_TEXTS.escalatedTier2['zh-CN'] }));

    const countBefore = agent.events.length;
    expect(await command(agent.socket, 'conversation.escalate', input)).toEqual({ ok: true, queue: 'tier2', duplicate: true, servedBy: 1 });
    await command(agent.socket, 'agent.status', { status: 'online' }); // a later event proves nothing else was appended
    await eventually(() => expect(agent.events.at(-1)?.type).toBe('agent.presence'));
    expect(agent.events).toHaveLength(countBefore + 1);

    const other = await customerSays(t.hub, fixture.accountId, '另一个问题');
    expect(await command(agent.socket, 'conversation.escalate', { ...input, conversationId: other })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('an agent escalates only what they hold or nobody holds; a lead may escalate anyone’s', async () => {
    const fixture = await makeAccount(t.hub);
    const holder = await connectAgent(t.hub, fixture);
    const colleague = await connectPerson(t.hub, fixture, 'agent-2', 'agent');
    const lead = await connectAgent(t.hub, fixture, 'lead');
    const conversationId = await customerSays(t.hub, fixture.accountId, '我要投诉');
    await command(holder.socket, 'conversation.claim', { conversationId });
    const input = { conversationId, target: 'supervisor', reason: '投诉' };
    expect(await command(colleague.socket, 'conversation.escalate', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Only the lead serves the supervisors' queue here (agents never do).
    expect(await command(lead.socket, 'conversation.escalate', input)).toEqual({ ok: true, queue: 'supervisor', servedBy: 1 });
    await eventually(() => expect(latest(holder, conversationId)).toMatchObject({ owner: 'queued', queue: 'supervisor', assigneeId: null }));
  });

  it.each([
    ['supervisor', 'supervisor', 'escalatedSupervisor', 0],
    ['human', 'general', 'handover', 1],
  ] as const)('to %s goes to queue %s with its own notice, saying who serves it now', async (target, queue, notice, servedBy) => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '我要投诉');
    // Only an agent is online: nobody serves the supervisors' queue, and the agent is told so.
    expect(await command(agent.socket, 'conversation.escalate', { conversationId, target, reason: 'x' })).toEqual({ ok: true, queue, servedBy });
    await eventually(() => expect(widgetLines(customer).at(-1)).toMatchObject({ from: 'system', text: BOT_TEXTS[notice]['zh-CN'] }));
  });
});
