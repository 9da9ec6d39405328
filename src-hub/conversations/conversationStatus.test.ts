import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAgent, connectCustomer, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';
import { ask, connectPerson, latest } from './testing.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

/** A customer wrote (no bot on the account) and agent-1 claimed the conversation. */
async function claimed() {
  const fixture = await makeAccount(t.hub);
  const agent = await connectAgent(t.hub, fixture);
  const customer = connectCustomer(t.hub, fixture.accountId);
  const conversationId = await ask(customer, '我的快递到哪了');
  expect(await command(agent.socket, 'conversation.claim', { conversationId })).toEqual({ ok: true });
  return { fixture, agent, customer, conversationId };
}

const upserts = (socket: Awaited<ReturnType<typeof connectAgent>>, conversationId: string) =>
  socket.events.filter((e) => e.type === 'conversation.upsert' && e.data.id === conversationId).length;

describe('pending and reopen', () => {
  it('pending stops the wait; the customer’s next message opens it again, still with its agent', async () => {
    const { agent, customer, conversationId } = await claimed();
    await eventually(() => expect(latest(agent, conversationId)?.waitingSince).toEqual(expect.any(Number)));

    expect(await command(agent.socket, 'conversation.markPending', { conversationId })).toEqual({ ok: true });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ status: 'pending', owner: 'human', assigneeId: 'agent-1', waitingSince: null }));

    // Marking it again changes nothing and tells nobody anything new.
    const before = upserts(agent, conversationId);
    expect(await command(agent.socket, 'conversation.markPending', { conversationId })).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(upserts(agent, conversationId)).toBe(before);

    await ask(customer, '还在吗？');
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ status: 'open', assigneeId: 'agent-1', waitingSince: expect.any(Number) }));
  });

  it('reopened by its last holder it stays theirs; reopened by someone else it waits in its queue', async () => {
    const { fixture, agent, conversationId } = await claimed();
    await command(agent.socket, 'conversation.resolve', { conversationId });
    await eventually(() => expect(latest(agent, conversationId)?.status).toBe('resolved'));

    expect(await command(agent.socket, 'conversation.reopen', { conversationId })).toEqual({ ok: true });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ status: 'open', owner: 'human', assigneeId: 'agent-1' }));

    await command(agent.socket, 'conversation.resolve', { conversationId });
    const colleague = await connectPerson(t.hub, fixture, 'agent-2', 'agent');
    expect(await command(colleague.socket, 'conversation.reopen', { conversationId })).toEqual({ ok: true });
    await eventually(() => expect(latest(agent, conversationId)).toMatchObject({ status: 'open', owner: 'queued', assigneeId: null }));
  });

  it('refuses what cannot wait, and an agent cannot move a colleague’s conversation; a lead can', async () => {
    const { fixture, conversationId } = await claimed();
    const colleague = await connectPerson(t.hub, fixture, 'agent-2', 'agent');
    expect(await command(colleague.socket, 'conversation.markPending', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('The agent') },
    });
    const lead = await connectAgent(t.hub, fixture, 'lead');
    expect(await command(lead.socket, 'conversation.markPending', { conversationId })).toEqual({ ok: true });
    expect(await command(colleague.socket, 'conversation.reopen', { conversationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await command(lead.socket, 'conversation.resolve', { conversationId });
    expect(await command(lead.socket, 'conversation.markPending', { conversationId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await command(lead.socket, 'conversation.reopen', { conversationId: 'c_nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
