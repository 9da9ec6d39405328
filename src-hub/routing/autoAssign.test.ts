import { describe, expect, it } from 'vitest';
import { customerSays } from '../testing/fixtures.js';
import { assigneesOf, connectPerson, ofType, routedAccount, settle } from '../testing/routingRig.js';
import { command, eventually, type RecordingSocket } from '../testing/sockets.js';
import { useRoutingHub } from './testing.js';

const rig = useRoutingHub();

async function online(accountId: string, personId: string): Promise<RecordingSocket> {
  const person = await connectPerson(rig.t, accountId, personId);
  await eventually(() => expect(ofType(person.events, 'agent.presence').map((e) => [e.data.personId, e.data.status])).toContainEqual([personId, 'online']));
  return person;
}

describe('auto-assignment', () => {
  it('gives each queued conversation to the least-loaded online agent below capacity, ties to the longest idle', async () => {
    const { accountId } = await routedAccount(rig.t, { autoAssign: true });
    const ann = await online(accountId, 'ann');
    rig.clock.advance(1_000); // ann has been idle longer than bob
    const bob = await online(accountId, 'bob');
    expect(await command(ann.socket, 'agent.status', { status: 'online', capacity: 2 })).toEqual({ ok: true });
    expect(await command(bob.socket, 'agent.status', { status: 'online', capacity: 1 })).toEqual({ ok: true });
    const assignee = (id: string) => assigneesOf(ann.events).get(id);

    const first = await customerSays(rig.t.hub, accountId, '在吗？');
    await eventually(() => expect(assignee(first)).toBe('ann'));
    const second = await customerSays(rig.t.hub, accountId, '我的快递到哪了？');
    await eventually(() => expect(assignee(second)).toBe('bob'));
    const third = await customerSays(rig.t.hub, accountId, '可以开发票吗？');
    await eventually(() => expect(assignee(third)).toBe('ann')); // bob is at his capacity of 1
    const fourth = await customerSays(rig.t.hub, accountId, '优惠券用不了');
    await settle();
    expect(assignee(fourth)).toBeUndefined(); // both full: it waits in the queue

    expect(ofType(ann.events, 'conversation.upsert').findLast((e) => e.data.id === first)!.data).toMatchObject({ owner: 'human', assigneeId: 'ann', status: 'open' });
    await command(bob.socket, 'conversation.resolve', { conversationId: second });
    await eventually(() => expect(assignee(fourth)).toBe('bob')); // freed capacity takes the waiting one
  });

  it('an away agent keeps what they hold and gets nothing new; back online, they are picked again', async () => {
    const { accountId } = await routedAccount(rig.t, { autoAssign: true });
    const ann = await online(accountId, 'ann');
    const bob = await online(accountId, 'bob');
    const assignee = (id: string) => assigneesOf(ann.events).get(id);

    await command(bob.socket, 'agent.status', { status: 'away' });
    const first = await customerSays(rig.t.hub, accountId, '你好');
    await eventually(() => expect(assignee(first)).toBe('ann'));
    const second = await customerSays(rig.t.hub, accountId, '有人吗');
    await eventually(() => expect(assignee(second)).toBe('ann')); // bob, with nothing, is away

    await command(bob.socket, 'agent.status', { status: 'online' });
    const third = await customerSays(rig.t.hub, accountId, '我想退货');
    await eventually(() => expect(assignee(third)).toBe('bob'));
    await command(bob.socket, 'agent.status', { status: 'away' });
    const fourth = await customerSays(rig.t.hub, accountId, '发什么快递？');
    await eventually(() => expect(assignee(fourth)).toBe('ann'));
    await settle();
    expect(assignee(third)).toBe('bob'); // away keeps its conversations
  });

  it('is off by default: conversations wait for a claim', async () => {
    const { accountId } = await routedAccount(rig.t, {});
    const ann = await online(accountId, 'ann');
    const waiting = await customerSays(rig.t.hub, accountId, '在吗');
    await settle();
    expect(assigneesOf(ann.events).get(waiting)).toBeUndefined();
    expect(ofType(ann.events, 'conversation.upsert').at(-1)!.data).toMatchObject({ id: waiting, owner: 'queued', queue: 'general' });
  });

  it('starts a conversation in its language queue when the account has one, and only its servers get it', async () => {
    const { accountId } = await routedAccount(rig.t, { autoAssign: true, queues: [{ key: 'general-en', language: 'en', members: ['emma'] }] });
    const ann = await online(accountId, 'ann');
    const english = await customerSays(rig.t.hub, accountId, 'Hi, do you ship to Singapore?');
    const chinese = await customerSays(rig.t.hub, accountId, '你好，请问今天能发货吗？');
    await eventually(() => expect(assigneesOf(ann.events).get(chinese)).toBe('ann'));
    await eventually(() => expect(ofType(ann.events, 'conversation.upsert').findLast((e) => e.data.id === english)!.data).toMatchObject({ queue: 'general-en', owner: 'queued' }));
    expect(assigneesOf(ann.events).get(english)).toBeUndefined(); // ann does not serve general-en
    await online(accountId, 'emma');
    await eventually(() => expect(assigneesOf(ann.events).get(english)).toBe('emma'));
  });
});
