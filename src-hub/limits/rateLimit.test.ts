import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, connectCustomer, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, command } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';
import { DEFAULT_CONNECTION_LIMITS } from './connectionLimit.js';

const log: string[] = [];
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub(undefined, { log: (line) => void log.push(line) });
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

const refusals = (replies: Array<{ ok: boolean; error?: { code: string } }>) => replies.filter((r) => !r.ok);

describe('per-connection rate limits (defaults)', () => {
  it('an agent socket flooding commands is refused past its burst; another socket of the same person is not slowed', async () => {
    const fixture = await makeAccount(t.hub);
    const flooding = await connectAgent(t.hub, fixture);
    const calm = await connectAgent(t.hub, fixture);
    const { burst, perSecond } = DEFAULT_CONNECTION_LIMITS.agentCommands!;
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: burst + 160 }, () => command(flooding.socket, 'agent.status', { status: 'online' })));
    // The bucket refills while the flood is under way: at most burst + rate × duration pass, and never fewer than the burst.
    const passed = replies.filter((r) => r.ok).length;
    expect(passed).toBeGreaterThanOrEqual(burst);
    expect(passed).toBeLessThanOrEqual(burst + Math.ceil(((Date.now() - started) / 1000) * perSecond));
    expect(refusals(replies).length).toBeGreaterThan(0);
    expect(refusals(replies)[0]).toEqual({ ok: false, error: { code: 'rate-limited', message: 'rate limited, slow down' } });
    expect(await command(calm.socket, 'agent.status', { status: 'online' })).toEqual({ ok: true });
    // One log line per run of refusals (not per refusal): a slow machine refills the bucket mid-flood.
    const runs = replies.filter((r, i) => !r.ok && (i === 0 || replies[i - 1]!.ok)).length;
    expect(log.filter((line) => line.startsWith('rate limited: /agent socket of agent-1'))).toHaveLength(runs);
  });

  it('a widget socket flooding messages is refused past its burst; nothing of the refused is stored', async () => {
    const fixture = await makeAccount(t.hub);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const { burst, perSecond } = DEFAULT_CONNECTION_LIMITS.customerMessages!;
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: burst + 40 }, (_, i) => command(customer.socket, 'customer.send', { text: `刷屏 ${i}` })));
    expect(replies.filter((r) => r.ok).length).toBeLessThanOrEqual(burst + Math.ceil(((Date.now() - started) / 1000) * perSecond));
    expect(refusals(replies).length).toBeGreaterThan(0);
    expect(refusals(replies)[0]).toMatchObject({ error: { code: 'rate-limited' } });
    const agent = await connectAgent(t.hub, fixture);
    const stored = agent.events.filter((e) => e.type === 'message.created');
    expect(stored).toHaveLength(replies.filter((r) => r.ok).length);
  });
});
