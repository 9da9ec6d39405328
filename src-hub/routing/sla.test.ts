import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, customerSays } from '../testing/fixtures.js';
import { createFakeClock, type FakeClock } from '../testing/fakeClock.js';
import { ofType, routedAccount, settle, startRoutingHub } from '../testing/routingRig.js';
import { closeAllSockets, command, eventually, type RecordingSocket } from '../testing/sockets.js';
import { makeTempDir, uniqueId, type TestHub } from '../testing/testHub.js';

afterEach(closeAllSockets);

/** One hub for the live tests; the restart test makes its own. */
let t: TestHub;
let clock: FakeClock;
beforeAll(async () => {
  ({ t, clock } = await startRoutingHub());
});
afterAll(() => t.dispose());

const breachesOf = (agent: RecordingSocket) => ofType(agent.events, 'sla.breached').map((e) => e.data);
const T0 = Date.UTC(2025, 5, 18, 2, 0, 0);

describe('SLA timers', () => {
  it('journal one sla.breached per breach: first response, then next response after a reply', async () => {
    const fixture = await routedAccount(t, { sla: { firstResponseMs: 60_000, nextResponseMs: 120_000 } });
    const agent = await connectAgent(t.hub, fixture);
    const visitor = uniqueId('visitor');
    const conversationId = await customerSays(t.hub, fixture.accountId, '在吗？等半天了', visitor);
    const startedAt = clock.now();
    clock.advance(59_999);
    await settle();
    expect(breachesOf(agent)).toEqual([]);
    clock.advance(1);
    const first = { conversationId, queue: 'general', kind: 'first-response', dueAt: startedAt + 60_000, assigneeId: null };
    await eventually(() => expect(breachesOf(agent)).toEqual([first]));
    clock.advance(300_000);
    await settle();
    expect(breachesOf(agent)).toEqual([first]); // once, however long it stays late

    await command(agent.socket, 'conversation.claim', { conversationId });
    await command(agent.socket, 'message.send', { clientId: uniqueId('client'), conversationId, text: '您好，久等了' });
    clock.advance(10_000);
    const askedAgainAt = clock.now();
    await customerSays(t.hub, fixture.accountId, '那什么时候发货？', visitor);
    clock.advance(119_999);
    await settle();
    expect(breachesOf(agent)).toHaveLength(1);
    clock.advance(1);
    const next = { conversationId, queue: 'general', kind: 'next-response', dueAt: askedAgainAt + 120_000, assigneeId: 'agent-1' };
    await eventually(() => expect(breachesOf(agent)).toEqual([first, next]));
    clock.advance(600_000);
    await settle();
    expect(breachesOf(agent)).toEqual([first, next]);
  });

  it('answering in time breaches nothing', async () => {
    const fixture = await routedAccount(t, {});
    const agent = await connectAgent(t.hub, fixture);
    const conversationId = await customerSays(t.hub, fixture.accountId, '你好');
    clock.advance(30_000);
    await command(agent.socket, 'conversation.claim', { conversationId });
    await command(agent.socket, 'message.send', { clientId: uniqueId('client'), conversationId, text: '您好' });
    clock.advance(600_000);
    await settle();
    expect(breachesOf(agent)).toEqual([]);
  });

  it('resumes clocks after a restart from the stored state, and never repeats a breach already journaled', async () => {
    const dir = await makeTempDir();
    let running: TestHub | null = null;
    const restartAt = async (at: number) => {
      await running?.hub.close();
      const started = await startRoutingHub(dir, createFakeClock(at));
      running = started.t;
      return started;
    };
    try {
      let { t, clock } = await restartAt(T0);
      const fixture = await routedAccount(t, {});
      const conversationId = await customerSays(t.hub, fixture.accountId, '我的退款呢？');
      clock.advance(30_000);

      ({ t, clock } = await restartAt(T0 + 30_000));
      let agent = await connectAgent(t.hub, fixture);
      clock.advance(29_999);
      await settle();
      expect(breachesOf(agent)).toEqual([]);
      clock.advance(1);
      await eventually(() => expect(breachesOf(agent)).toEqual([{ conversationId, queue: 'general', kind: 'first-response', dueAt: T0 + 60_000, assigneeId: null }]));

      ({ t, clock } = await restartAt(T0 + 90_000));
      agent = await connectAgent(t.hub, fixture);
      clock.advance(60_000);
      await settle();
      expect(breachesOf(agent)).toHaveLength(1); // the one from before the restart, replayed; no new one
    } finally {
      await (running as TestHub | null)?.dispose();
    }
  }, 60_000); // three hub starts
});
