import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CustomerMessage } from '../../src-shared/hub/customer.js';
import type { RunningHub } from '../index.js';
import { connectAgent, connectCustomer, makeAccount, type AccountFixture } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually, type RecordingSocket } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';
import { BOT_TEXTS } from './botTexts.js';
import { TEST_KB } from './testKb.js';

/** Short, so the tests run fast; long enough for a claim to land before the bot speaks. */
const REPLY_DELAY_MS = 60;
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub(undefined, { bot: { replyDelayMs: REPLY_DELAY_MS } });
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

async function shopWithKb(hub: RunningHub = t.hub): Promise<AccountFixture> {
  const fixture = await makeAccount(hub);
  for (const article of TEST_KB) await hub.admin.upsertKbArticle(fixture.accountId, article);
  return fixture;
}

const widgetMessages = (customer: RecordingSocket) =>
  customer.received.filter((r) => r.name === 'message').map((r) => CustomerMessage.parse(r.payload));
const botLines = (customer: RecordingSocket) => widgetMessages(customer).filter((m) => m.from === 'bot');
const statusOf = (agent: RecordingSocket, conversationId: string) =>
  agent.events.filter((e) => e.type === 'conversation.upsert' && e.data.id === conversationId).at(-1)?.data as { status: string } | undefined;

async function ask(customer: RecordingSocket, text: string): Promise<string> {
  const sent = await command(customer.socket, 'customer.send', { text });
  expect(sent).toMatchObject({ ok: true });
  return sent.message.conversationId as string;
}

/**
 * The bot works through one queue in arrival order: once it has answered a fresh
 * visitor's question, every customer message before it has been dealt with.
 */
async function botIsIdle(fixture: AccountFixture, hub: RunningHub = t.hub): Promise<void> {
  const probe = connectCustomer(hub, fixture.accountId);
  await ask(probe, '怎么开发票');
  await eventually(() => expect(botLines(probe)).toHaveLength(1));
  probe.socket.close();
}

describe('the first-line bot', () => {
  it('answers a KB question in the widget, as a bot that says so first', async () => {
    const fixture = await shopWithKb();
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '下单后多久发货');
    await eventually(() => expect(botLines(customer)).toHaveLength(1));
    const [answer] = botLines(customer);
    expect(answer!.text.startsWith(BOT_TEXTS.intro['zh-CN'])).toBe(true);
    expect(answer!.text).toContain('小件商品付款后48小时内发货');
    expect(answer!.authorName).toBe('智能助手');

    await eventually(() => expect(agent.events.some((e) => e.type === 'message.created' && e.data.author.kind === 'bot')).toBe(true));
    expect(agent.events.find((e) => e.type === 'message.created' && e.data.author.kind === 'bot')!.data).toMatchObject({
      author: { kind: 'bot', id: 'bot', name: '智能助手' },
      private: false,
    });
    expect(statusOf(agent, conversationId)?.status).toBe('bot');

    await ask(customer, '怎么开发票');
    await eventually(() => expect(botLines(customer)).toHaveLength(2));
    expect(botLines(customer)[1]!.text).not.toContain(BOT_TEXTS.intro['zh-CN']);
    expect(botLines(customer)[1]!.text).toContain('申请开票');
  });

  it('answers in English when asked in English', async () => {
    const fixture = await shopWithKb();
    const customer = connectCustomer(t.hub, fixture.accountId);
    await ask(customer, 'when will my order ship');
    await eventually(() => expect(botLines(customer)).toHaveLength(1));
    expect(botLines(customer)[0]!.text).toContain(BOT_TEXTS.intro.en);
    expect(botLines(customer)[0]!.text).toContain('Small items ship within 48 hours');
  });

  it.each([
    ['an unanswerable question', '我想买一辆汽车'],
    ['an explicit request', '转人工'],
    ['an angry complaint', '你们太垃圾了，我要投诉！'],
  ])('hands over on %s: the conversation goes to the queue and the customer is told', async (_why, text) => {
    const fixture = await shopWithKb();
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, text);
    await eventually(() => expect(botLines(customer)).toHaveLength(1));
    expect(botLines(customer)[0]!.text).toContain(BOT_TEXTS.handover['zh-CN']);
    await eventually(() => expect(statusOf(agent, conversationId)).toMatchObject({ status: 'open', assigneeId: null }));

    // Handed over: the bot stays silent from now on.
    await ask(customer, '下单后多久发货');
    await botIsIdle(fixture);
    expect(botLines(customer)).toHaveLength(1);
  });

  it('lines typed in a burst get one answer, to the latest, with the earlier ones as context', async () => {
    const fixture = await shopWithKb();
    const customer = connectCustomer(t.hub, fixture.accountId);
    // Sent together: the hub stores them in order, well within the bot's wait.
    await Promise.all(['你好', '我想问一下', '怎么开发票'].map((text) => ask(customer, text)));
    await botIsIdle(fixture);
    expect(botLines(customer)).toHaveLength(1);
    expect(botLines(customer)[0]!.text).toContain('申请开票');
  });

  it('hands over when the customer asks the same question again', async () => {
    const fixture = await shopWithKb();
    const customer = connectCustomer(t.hub, fixture.accountId);
    await ask(customer, '下单后多久发货');
    await eventually(() => expect(botLines(customer)).toHaveLength(1));
    await ask(customer, '下单后多久发货？？');
    await eventually(() => expect(botLines(customer)).toHaveLength(2));
    expect(botLines(customer)[1]!.text).toBe(BOT_TEXTS.handover['zh-CN']);
  });

  it('an escalation to a human from the workstation hands over', async () => {
    const fixture = await shopWithKb();
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '下单后多久发货');
    await eventually(() => expect(botLines(customer)).toHaveLength(1));
    expect(await command(agent.socket, 'conversation.escalate', { conversationId, target: 'human', reason: 'VIP' })).toMatchObject({ ok: true });
    await eventually(() => expect(botLines(customer)).toHaveLength(2));
    expect(botLines(customer)[1]!.text).toBe(BOT_TEXTS.handover['zh-CN']);
    await eventually(() => expect(statusOf(agent, conversationId)?.status).toBe('open'));
  });

  it('after an agent claims, the customer is told who joined and the bot says nothing more', async () => {
    const fixture = await shopWithKb();
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '下单后多久发货');
    await eventually(() => expect(botLines(customer)).toHaveLength(1));
    expect(await command(agent.socket, 'conversation.claim', { conversationId })).toMatchObject({ ok: true });
    await eventually(() => expect(widgetMessages(customer).at(-1)).toMatchObject({ from: 'system', text: 'The agent 已接入，为您服务。' }));

    await ask(customer, '怎么开发票');
    await botIsIdle(fixture);
    expect(botLines(customer)).toHaveLength(1);
    expect(statusOf(agent, conversationId)).toMatchObject({ status: 'open', assigneeId: 'agent-1' });
  });

  it('a claim racing the bot always wins: no bot message after the claim is committed', async () => {
    const fixture = await shopWithKb();
    const agent = await connectAgent(t.hub, fixture);
    // 30 customers at once, each claimed at a random moment around the bot's reply
    // (it waits REPLY_DELAY_MS), so both orders occur; the order must never be claim → bot.
    const conversations = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const conversationId = await ask(connectCustomer(t.hub, fixture.accountId), '什么时候能发货啊');
        await new Promise((resolve) => setTimeout(resolve, (i * 7) % (2 * REPLY_DELAY_MS)));
        expect(await command(agent.socket, 'conversation.claim', { conversationId })).toMatchObject({ ok: true });
        return conversationId;
      }),
    );
    await botIsIdle(fixture);
    let botFirst = 0;
    for (const id of conversations) {
      const ofIt = agent.events.filter((e) => 'conversationId' in e.data && e.data.conversationId === id);
      const claimedAt = ofIt.find((e) => e.type === 'conversation.assigned')!.seq;
      const botSeqs = ofIt.filter((e) => e.type === 'message.created' && e.data.author.kind === 'bot').map((e) => e.seq);
      expect(botSeqs.every((seq) => seq < claimedAt)).toBe(true);
      if (botSeqs.length > 0) botFirst++;
    }
    // Both sides won some: the test exercised the race it is named after.
    expect(botFirst).toBeGreaterThan(0);
    expect(botFirst).toBeLessThan(conversations.length);
  });

  it('replay shows the same events as were seen live', async () => {
    const fixture = await shopWithKb();
    const live = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    await ask(customer, '下单后多久发货');
    await eventually(() => expect(botLines(customer)).toHaveLength(1));
    await ask(customer, '转人工');
    await eventually(() => expect(botLines(customer)).toHaveLength(2));
    await eventually(() => expect(live.events.filter((e) => e.type === 'conversation.upsert').at(-1)?.data).toMatchObject({ status: 'open' }));
    const replay = await connectAgent(t.hub, fixture);
    expect(replay.events).toEqual(live.events);
    expect(replay.events.filter((e) => e.type === 'message.created').map((e) => e.data.author.kind)).toEqual(['customer', 'bot', 'customer', 'bot']);
  });

  it('an account without a KB has no bot: conversations start open, as before', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const conversationId = await ask(customer, '下单后多久发货');
    await eventually(() => expect(statusOf(agent, conversationId)?.status).toBe('open'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Presence (routing's, on connect) aside: the customer's turn and nothing from a bot.
    expect(agent.events.filter((e) => e.type !== 'agent.presence').map((e) => e.type)).toEqual(['conversation.upsert', 'message.created']);
    expect(botLines(customer)).toEqual([]);
  });
});

describe('the bot across restarts and options', () => {
  it('rebuilds its KB from the event log after a restart', async () => {
    const first = await startTestHub();
    const fixture = await shopWithKb(first.hub);
    await first.hub.close();
    const second = await startTestHub(first.dataDir, { bot: { replyDelayMs: REPLY_DELAY_MS } });
    try {
      const customer = connectCustomer(second.hub, fixture.accountId);
      await ask(customer, '怎么开发票');
      await eventually(() => expect(botLines(customer)).toHaveLength(1));
      expect(botLines(customer)[0]!.text).toContain('申请开票');
      // New articles from the bus count at once.
      await second.hub.admin.upsertKbArticle(fixture.accountId, { id: 'gift-01', kind: 'article', title: '能包装成礼物吗', body: '下单备注“礼盒”即可免费礼品包装。', questions: ['能包装成礼物吗', '有礼盒包装吗'] });
      await ask(customer, '有礼盒包装吗');
      await eventually(() => expect(botLines(customer)).toHaveLength(2));
      expect(botLines(customer)[1]!.text).toContain('免费礼品包装');
    } finally {
      await second.dispose();
    }
  });

  it('is off with bot: { enabled: false }', async () => {
    const off = await startTestHub(undefined, { bot: { enabled: false } });
    try {
      const fixture = await shopWithKb(off.hub);
      const agent = await connectAgent(off.hub, fixture);
      const customer = connectCustomer(off.hub, fixture.accountId);
      const conversationId = await ask(customer, '下单后多久发货');
      await eventually(() => expect(statusOf(agent, conversationId)?.status).toBe('open'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(botLines(customer)).toEqual([]);
    } finally {
      await off.dispose();
    }
  });
});
