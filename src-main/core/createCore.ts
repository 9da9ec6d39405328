import { join } from 'node:path';
import { ConnectionManager } from './accounts/connectionManager.js';
import { aiOperations } from './ai/aiOperations.js';
import { attachmentOperations } from './attachments/attachmentOperations.js';
import { createBridgeHandlers, type BridgeHandlers } from './bridge/handlers.js';
import { desktopOperations } from './bridge/desktopOperations.js';
import { managerOperations } from './bridge/operations.js';
import { PushEmitter, type PushListener, type Unsubscribe } from './bridge/pushEmitter.js';
import { ChannelConnection, type ConnectionTuning, defaultTuning } from './connection/channelConnection.js';
import { type SocketFactory, socketIoFactory } from './connection/hubSocket.js';
import { type Clock, type Random, systemClock } from './ports/clock.js';
import { browserFallbackDesktop, type DesktopPort } from './ports/desktop.js';
import { type Logger, withFields } from './ports/logger.js';
import { AccountRegistry } from './registry/accountRegistry.js';
import type { CredentialVault } from './vault/credentialVault.js';

export interface CoreOptions {
  /** Where accounts.json lives (Electron: userData; web host: --data). */
  dataDir: string;
  vault: CredentialVault;
  log: Logger;
  socketFactory?: SocketFactory;
  clock?: Clock;
  random?: Random;
  tuning?: Partial<ConnectionTuning>;
  /** Badge and native notifications. Default: none, the renderer falls back to the browser's. */
  desktop?: DesktopPort;
}

export interface Core {
  handlers: BridgeHandlers;
  onPush(listener: PushListener): Unsubscribe;
  /** Loads the registry and connects every account. */
  start(): Promise<void>;
  /** Disconnects every account (the registry is already saved after each change). */
  stop(): Promise<void>;
}

/** The composition root of main: the same core runs in Electron, the web host and tests. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const socketFactory = options.socketFactory ?? socketIoFactory;
  const tuning: ConnectionTuning = { ...defaultTuning, ...options.tuning };
  const log = options.log;
  const pushes = new PushEmitter();
  const registry = new AccountRegistry({ path: join(options.dataDir, 'accounts.json'), log, clock });
  const manager = new ConnectionManager({
    registry,
    vault: options.vault,
    pushes,
    clock,
    log,
    connect: (o) =>
      new ChannelConnection({ ...o, socketFactory, clock, random, tuning, log: withFields(log, { accountId: o.accountId }) }),
  });
  return {
    handlers: createBridgeHandlers(
      {
        ...managerOperations(manager),
        ...desktopOperations(options.desktop ?? browserFallbackDesktop, pushes),
        ...aiOperations(options.dataDir, options.vault),
        ...attachmentOperations({ registry, vault: options.vault }),
      },
      log,
    ),
    onPush: (listener) => pushes.on(listener),
    start: () => manager.startAll(),
    stop: async () => {
      manager.stopAll();
      await registry.idle();
    },
  };
}
