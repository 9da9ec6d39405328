import type { AccountView } from '../../../src-shared/bridge/contract.js';
import type { SessionOpened } from '../../../src-shared/hub/events.js';
import type { PushEmitter } from '../bridge/pushEmitter.js';
import type { ChannelConnection, ChannelConnectionOptions } from '../connection/channelConnection.js';
import type { Logger } from '../ports/logger.js';
import type { AccountRegistry } from '../registry/accountRegistry.js';
import type { AccountRecord } from '../registry/registryFormat.js';

type Callbacks = 'onState' | 'onSession' | 'onEvents' | 'onQueueStats' | 'cursor';

/** Builds a connection for an account; the composition root fills in the ports. */
export type ConnectionFactory = (
  options: Pick<ChannelConnectionOptions, 'accountId' | 'hubUrl' | 'token' | Callbacks>,
) => ChannelConnection;

interface WireDeps {
  registry: AccountRegistry;
  pushes: PushEmitter;
  log: Logger;
  connect: ConnectionFactory;
}

/**
 * Connects one account's connection to the registry (cursor in, learnt identity
 * out) and to the pushes. `alive` is false once the account is removed or replaced.
 */
export function wireConnection(
  row: AccountRecord,
  token: string,
  d: WireDeps,
  self: { alive: () => boolean; view: () => AccountView | null },
): ChannelConnection {
  const pushStatus = () => {
    const view = self.alive() ? self.view() : null;
    if (view) d.pushes.emit('accounts/status-changed', view);
  };
  const learn = async (session: SessionOpened) => {
    const { account, person } = session;
    await d.registry.update(row.id, { name: account.name, channel: account.channel, person });
    pushStatus();
  };
  return d.connect({
    accountId: row.id,
    hubUrl: row.hubUrl,
    token,
    cursor: () => d.registry.get(row.id)?.cursor ?? 0,
    onState: pushStatus,
    onSession: (session) => {
      if (!self.alive()) return;
      learn(session).catch((error: Error) =>
        d.log.error('could not save the account identity', { accountId: row.id, error: error.message }),
      );
    },
    onEvents: (events) => {
      if (self.alive()) d.pushes.emit('events/received', { accountId: row.id, events });
    },
    onQueueStats: ({ stats }) => {
      if (self.alive()) d.pushes.emit('queues/stats', { accountId: row.id, stats });
    },
  });
}
