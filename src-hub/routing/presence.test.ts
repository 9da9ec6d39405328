import { describe, expect, it } from 'vitest';
import { connectAgent, customerSays } from '../testing/fixtures.js';
import { assigneesOf, connectPerson, ofType, routedAccount, settle, TEST_GRACE_MS } from '../testing/routingRig.js';
import { command, eventually } from '../testing/sockets.js';
import { useRoutingHub } from './testing.js';

const rig = useRoutingHub();

const presenceOf = (events: Parameters<typeof ofType>[0], personId: string) =>
  ofType(events, 'agent.presence').filter((e) => e.data.personId === personId).map((e) => e.data.status);

describe('presence', () => {
  it('a connection marks the person online with their name', async () => {
    const fixture = await routedAccount(rig.t, {});
    const lead = await connectAgent(rig.t.hub, fixture, 'lead');
    await connectPerson(rig.t, fixture.accountId, 'ann');
    await eventually(() => expect(ofType(lead.events, 'agent.presence').map((e) => e.data)).toContainEqual({ personId: 'ann', status: 'online', name: 'Person ann' }));
  });

  it('after the last connection closes and the grace runs out: offline, and what they held goes back to its queue', async () => {
    const fixture = await routedAccount(rig.t, {});
    const lead = await connectAgent(rig.t.hub, fixture, 'lead');
    const ann = await connectPerson(rig.t, fixture.accountId, 'ann');
    const conversationId = await customerSays(rig.t.hub, fixture.accountId, '我的快递到哪了？');
    expect(await command(ann.socket, 'conversation.claim', { conversationId })).toEqual({ ok: true });
    await eventually(() => expect(assigneesOf(lead.events).get(conversationId)).toBe('ann'));

    const timers = rig.clock.pending;
    ann.socket.close();
    await eventually(() => expect(rig.clock.pending).toBe(timers + 1)); // the hub saw the disconnect: the grace runs
    rig.clock.advance(TEST_GRACE_MS - 1);
    await settle();
    expect(presenceOf(lead.events, 'ann')).toEqual(['online']);

    rig.clock.advance(1);
    await eventually(() => expect(presenceOf(lead.events, 'ann')).toEqual(['online', 'offline']));
    await eventually(() => expect(assigneesOf(lead.events).get(conversationId)).toBeNull());
    const offline = ofType(lead.events, 'agent.presence').at(-1)!;
    const after = lead.events.filter((e) => e.seq > offline.seq);
    expect(after.map((e) => e.type)).toEqual(['conversation.assigned', 'conversation.upsert']);
    expect(after[1]!.data).toMatchObject({ id: conversationId, owner: 'queued', queue: 'general', status: 'open', assigneeId: null });
  });

  it('a reconnect within the grace keeps the person online and their conversations', async () => {
    const fixture = await routedAccount(rig.t, {});
    const lead = await connectAgent(rig.t.hub, fixture, 'lead');
    const ann = await connectPerson(rig.t, fixture.accountId, 'ann');
    const conversationId = await customerSays(rig.t.hub, fixture.accountId, '在吗');
    await command(ann.socket, 'conversation.claim', { conversationId });
    const timers = rig.clock.pending;
    ann.socket.close();
    await eventually(() => expect(rig.clock.pending).toBe(timers + 1));
    rig.clock.advance(TEST_GRACE_MS / 2);
    await connectPerson(rig.t, fixture.accountId, 'ann');
    rig.clock.advance(TEST_GRACE_MS * 2);
    await settle();
    expect(presenceOf(lead.events, 'ann')).toEqual(['online']);
    expect(assigneesOf(lead.events).get(conversationId)).toBe('ann');
  });

  it('with auto-assignment, conversations an agent left go to someone online', async () => {
    const fixture = await routedAccount(rig.t, { autoAssign: true });
    const ann = await connectPerson(rig.t, fixture.accountId, 'ann');
    const conversationId = await customerSays(rig.t.hub, fixture.accountId, '退款什么时候到账？');
    await eventually(() => expect(assigneesOf(ann.events).get(conversationId)).toBe('ann'));
    const bob = await connectPerson(rig.t, fixture.accountId, 'bob');
    await eventually(() => expect(presenceOf(bob.events, 'bob')).toEqual(['online']));
    const timers = rig.clock.pending;
    ann.socket.close();
    await eventually(() => expect(rig.clock.pending).toBe(timers + 1));
    rig.clock.advance(TEST_GRACE_MS);
    await eventually(() => expect(assigneesOf(bob.events).get(conversationId)).toBe('bob'));
  });
});
