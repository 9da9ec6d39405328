import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueStats } from '../../src-shared/domain/queue.js';
import { QueueStatsFrame } from '../../src-shared/hub/events.js';
import { connectAgent, customerSays } from '../testing/fixtures.js';
import { ofType, routedAccount, settle, STATS_INTERVAL_MS } from '../testing/routingRig.js';
import { command, eventually, type RecordingSocket } from '../testing/sockets.js';
import { useRoutingHub } from './testing.js';

const rig = useRoutingHub();

/** Every queue.stats frame the socket got, parsed with the shared schema. */
const framesOf = (socket: RecordingSocket): QueueStats[][] =>
  socket.received.filter((r) => r.name === 'queue.stats').map((r) => QueueStatsFrame.parse(r.payload).stats);
const byQueue = (stats: QueueStats[]) => Object.fromEntries(stats.map((s) => [s.queue, s]));

describe('queue.stats', () => {
  it('reaches leads and supervisors, never agents; its numbers are the hub state; nothing while idle', async () => {
    const fixture = await routedAccount(rig.t, { queues: [{ key: 'general-en', language: 'en' }] });
    const agent = await connectAgent(rig.t.hub, fixture);
    const lead = await connectAgent(rig.t.hub, fixture, 'lead');
    await eventually(() => expect(framesOf(lead)).toHaveLength(1)); // at once on connecting
    expect(framesOf(lead)[0]!.map((s) => s.queue)).toEqual(['general', 'tier2', 'supervisor', 'general-en']);

    const chinese = await customerSays(rig.t.hub, fixture.accountId, '你好，我的快递到哪了？');
    const english = await customerSays(rig.t.hub, fixture.accountId, 'My order still has not arrived, can you check?');
    await customerSays(rig.t.hub, fixture.accountId, '可以开发票吗？');
    await eventually(() => expect(ofType(lead.events, 'conversation.upsert').findLast((e) => e.data.id === english)?.data.queue).toBe('general-en'));
    await command(agent.socket, 'conversation.claim', { conversationId: chinese });
    await eventually(() => expect(ofType(lead.events, 'agent.presence').map((e) => e.data.personId).sort()).toEqual(['agent-1', 'lead-1']));

    rig.clock.advance(STATS_INTERVAL_MS);
    await eventually(() => expect(framesOf(lead)).toHaveLength(2));
    const stats = byQueue(framesOf(lead)[1]!);
    expect(stats.general).toMatchObject({ accountId: fixture.accountId, channel: 'webchat', waiting: 1, active: 1, bot: 0, slaBreaches: 0, arrivalsLastMinute: 2, resolvedLastMinute: 0 });
    expect(stats['general-en']).toMatchObject({ waiting: 1, active: 0, arrivalsLastMinute: 1 });
    expect(stats.tier2).toMatchObject({ waiting: 0, active: 0, arrivalsLastMinute: 0 });
    expect(stats.general!.agents).toEqual([
      { personId: 'agent-1', name: 'The agent', status: 'online', load: 1, capacity: 5 },
      { personId: 'lead-1', name: 'The lead', status: 'online', load: 0, capacity: 5 },
    ]);
    expect(stats.supervisor!.agents.map((a) => a.personId)).toEqual(['lead-1']); // agents do not serve it

    rig.clock.advance(STATS_INTERVAL_MS);
    rig.clock.advance(STATS_INTERVAL_MS);
    await settle();
    expect(framesOf(lead)).toHaveLength(2); // idle: nothing changed, nothing sent

    await command(agent.socket, 'conversation.resolve', { conversationId: chinese });
    rig.clock.advance(STATS_INTERVAL_MS);
    await eventually(() => expect(framesOf(lead)).toHaveLength(3));
    expect(byQueue(framesOf(lead)[2]!).general).toMatchObject({ waiting: 1, active: 0, resolvedLastMinute: 1 });
    rig.clock.advance(60_000); // past the SLA of the two still waiting, and the minute of the arrivals
    await eventually(() => expect(byQueue(framesOf(lead).at(-1)!).general!.slaBreaches).toBe(1));
    const later = byQueue(framesOf(lead).at(-1)!);
    expect(later.general).toMatchObject({ waiting: 1, active: 0, slaBreaches: 1, arrivalsLastMinute: 0, resolvedLastMinute: 1 });
    expect(later['general-en']).toMatchObject({ waiting: 1, slaBreaches: 1 });
    expect(later.general!.longestWaitMs).toBeGreaterThanOrEqual(60_000);

    const supervisor = await connectAgent(rig.t.hub, fixture, 'supervisor');
    await eventually(() => expect(framesOf(supervisor)).toHaveLength(1));
    expect(agent.received.some((r) => r.name === 'queue.stats')).toBe(false);
  });
});

describe('routing config over the admin API', () => {
  it('GET and PUT /admin/routing/<account> behind the admin secret, validated', async () => {
    const fixture = await routedAccount(rig.t, {});
    const secret = (await readFile(join(rig.t.dataDir, 'admin.secret'), 'utf8')).trim();
    const call = (method: string, body?: unknown, bearer = secret) =>
      fetch(`${rig.t.hub.url}/admin/routing/${fixture.accountId}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { config?: unknown } }));

    expect((await call('GET', undefined, 'wrong')).status).toBe(401);
    expect(await call('GET')).toMatchObject({ status: 200, body: { config: { autoAssign: false, defaultCapacity: 5, sla: { firstResponseMs: 60_000 } } } });
    expect(await call('PUT', { autoAssign: 'yes' })).toMatchObject({ status: 400, body: { error: { code: 'validation' } } });
    const put = await call('PUT', { autoAssign: true, queues: [{ key: 'invoices', roles: ['lead'] }] });
    expect(put).toMatchObject({ status: 200, body: { config: { autoAssign: true, queues: [{ key: 'invoices', roles: ['lead'] }] } } });
    expect((await call('GET')).body.config).toEqual(put.body.config);
  });
});
