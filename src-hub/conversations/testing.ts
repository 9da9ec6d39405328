import type { Role } from '../../src-shared/domain/account.js';
import type { Conversation } from '../../src-shared/domain/conversation.js';
import { CustomerMessage } from '../../src-shared/hub/customer.js';
import { TEST_KB } from '../bot/testKb.js';
import type { RunningHub } from '../index.js';
import { connectAgent, connectCustomer, makeAccount, type AccountFixture } from '../testing/fixtures.js';
import { command, connect, eventually, type RecordingSocket } from '../testing/sockets.js';

/** Helpers for the ownership tests: a shop whose bot answers, more people, and what a socket saw. */

export async function shopWithBot(hub: RunningHub): Promise<AccountFixture> {
  const fixture = await makeAccount(hub);
  for (const article of TEST_KB) await hub.admin.upsertKbArticle(fixture.accountId, article);
  return fixture;
}

/** Another person of the account, connected and synced. */
export async function connectPerson(hub: RunningHub, fixture: AccountFixture, personId: string, role: Role): Promise<RecordingSocket> {
  const { token } = await hub.admin.issueToken({ accountId: fixture.accountId, personId, personName: `Person ${personId}`, role });
  const socket = connect(hub.url, '/agent', { accountId: fixture.accountId, token, cursor: 0 });
  await socket.synced;
  return socket;
}

export const widgetLines = (customer: RecordingSocket) =>
  customer.received.filter((r) => r.name === 'message').map((r) => CustomerMessage.parse(r.payload));

/** The conversation as the socket last saw it. */
export const latest = (socket: RecordingSocket, conversationId: string): Conversation | undefined =>
  socket.events.filter((e) => e.type === 'conversation.upsert' && e.data.id === conversationId).at(-1)?.data as Conversation | undefined;

export async function ask(customer: RecordingSocket, text: string): Promise<string> {
  const sent = await command(customer.socket, 'customer.send', { text });
  if (!sent.ok) throw new Error(`customer.send failed: ${JSON.stringify(sent)}`);
  return sent.message.conversationId as string;
}

/** The bot works through one queue in arrival order: once a fresh visitor got its answer, every earlier job is done. */
export async function botIsIdle(hub: RunningHub, fixture: AccountFixture): Promise<void> {
  const probe = connectCustomer(hub, fixture.accountId);
  await ask(probe, '怎么开发票');
  await eventually(() => {
    if (!widgetLines(probe).some((m) => m.from === 'bot')) throw new Error('the bot has not answered the probe yet');
  });
  probe.socket.close();
}

/** A web-chat customer asked the bot for a person, and the agent claimed the conversation: where hand-backs start. */
export async function claimedFromTheBot(hub: RunningHub) {
  const fixture = await shopWithBot(hub);
  const agent = await connectAgent(hub, fixture);
  const customer = connectCustomer(hub, fixture.accountId);
  const conversationId = await ask(customer, '转人工');
  await eventually(() => {
    if (latest(agent, conversationId)?.owner !== 'queued') throw new Error('the bot has not handed over yet');
  });
  await command(agent.socket, 'conversation.claim', { conversationId });
  return { fixture, agent, customer, conversationId };
}
