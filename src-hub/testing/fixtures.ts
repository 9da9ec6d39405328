import type { Channel, Role } from '../../src-shared/domain/account.js';
import type { RunningHub } from '../index.js';
import { command, connect, type RecordingSocket } from './sockets.js';
import { uniqueId } from './testHub.js';

export interface AccountFixture {
  accountId: string;
  tokens: Record<Role, string>;
}

/** A fresh account (web chat unless told) with one token per role. */
export async function makeAccount(hub: RunningHub, channel: Channel = 'webchat'): Promise<AccountFixture> {
  const accountId = uniqueId('shop');
  await hub.admin.createAccount({ id: accountId, name: `Shop ${accountId}`, channel });
  const issue = async (role: Role) =>
    (await hub.admin.issueToken({ accountId, personId: `${role}-1`, personName: `The ${role}`, role })).token;
  return { accountId, tokens: { agent: await issue('agent'), lead: await issue('lead'), supervisor: await issue('supervisor') } };
}

export async function connectAgent(hub: RunningHub, fixture: AccountFixture, role: Role = 'agent', cursor = 0): Promise<RecordingSocket> {
  const agent = connect(hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens[role], cursor });
  await agent.synced;
  return agent;
}

export function connectCustomer(hub: RunningHub, accountId: string, visitorId = uniqueId('visitor')): RecordingSocket {
  return connect(hub.url, '/customer', { accountId, visitorId });
}

/** A customer writes through the widget namespace; returns the conversation id. */
export async function customerSays(hub: RunningHub, accountId: string, text: string, visitorId?: string): Promise<string> {
  const customer = connectCustomer(hub, accountId, visitorId);
  const reply = await command(customer.socket, 'customer.send', { text });
  customer.socket.close();
  if (!reply.ok) throw new Error(`customer.send failed: ${JSON.stringify(reply)}`);
  return reply.message.conversationId as string;
}
