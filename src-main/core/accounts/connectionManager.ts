import type { AccountView, CallInput, CallOutput } from '../../../src-shared/bridge/contract.js';
import { parseAccountToken } from '../../../src-shared/domain/account.js';
import type { HubCommandInput, HubCommandName, HubCommandOutput } from '../../../src-shared/hub/commands.js';
import { err, ok, type Result } from '../../../src-shared/result.js';
import type { PushEmitter } from '../bridge/pushEmitter.js';
import type { ChannelConnection } from '../connection/channelConnection.js';
import { initialState } from '../connection/connectionState.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { AccountRegistry } from '../registry/accountRegistry.js';
import type { AccountRecord } from '../registry/registryFormat.js';
import type { CredentialVault } from '../vault/credentialVault.js';
import { accountView } from './accountView.js';
import { type ConnectionFactory, wireConnection } from './wireConnection.js';

export interface ManagerDeps {
  registry: AccountRegistry;
  vault: CredentialVault;
  pushes: PushEmitter;
  clock: Clock;
  log: Logger;
  connect: ConnectionFactory;
}

/** One ChannelConnection per account: add, remove, list, resume, commands. */
export class ConnectionManager {
  private readonly connections = new Map<string, ChannelConnection>();

  constructor(private readonly d: ManagerDeps) {}

  async startAll(): Promise<void> {
    await this.d.registry.load();
    for (const row of this.d.registry.list()) await this.openFromVault(row);
  }

  stopAll(): void {
    for (const connection of this.connections.values()) connection.stop();
    this.connections.clear();
  }

  async list(): Promise<AccountView[]> {
    await this.d.registry.load();
    return this.d.registry.list().map((row) => this.view(row));
  }

  async add(input: CallInput<'accounts/add'>): Promise<Result<AccountView>> {
    await this.d.registry.load();
    const parsed = parseAccountToken(input.token);
    if (!parsed) return err('validation', 'token: not a workstation account token');
    if (this.d.registry.get(parsed.accountId)) {
      return err('duplicate-account', `account ${parsed.accountId} is already added`);
    }
    const row: AccountRecord = {
      id: parsed.accountId,
      hubUrl: input.hubUrl,
      name: parsed.accountId,
      channel: null,
      person: null,
      cursor: 0,
      addedAt: this.d.clock.now(),
    };
    try {
      await this.d.vault.set(row.id, input.token.trim());
    } catch (error) {
      // e.g. no OS keychain: say why, the token is not stored anywhere.
      return err('internal', `could not store the token: ${(error as Error).message}`);
    }
    try {
      await this.d.registry.add(row);
    } catch (error) {
      await this.d.vault.delete(row.id);
      throw error;
    }
    this.open(row, input.token.trim());
    return ok(this.view(row));
  }

  async remove(accountId: string): Promise<Result<CallOutput<'accounts/remove'>>> {
    await this.d.registry.load();
    if (!this.d.registry.get(accountId)) return err('not-found', `no account ${accountId}`);
    this.connections.get(accountId)?.stop();
    this.connections.delete(accountId);
    await this.d.vault.delete(accountId);
    await this.d.registry.remove(accountId);
    this.d.pushes.emit('accounts/removed', { accountId });
    return ok({});
  }

  /**
   * Connects now instead of after the backoff. All (`undefined`): the offline ones.
   * One: also from auth-failed, or from the vault if it had no token at start-up.
   */
  async reconnect(accountId: string | undefined): Promise<Result<CallOutput<'accounts/reconnect'>>> {
    await this.d.registry.load();
    if (accountId === undefined) {
      const started = [...this.connections.values()].filter((connection) => connection.connectNow()).length;
      if (started > 0) this.d.log.info('reconnecting now', { accounts: started });
      return ok({});
    }
    const row = this.d.registry.get(accountId);
    if (!row) return err('not-found', `no account ${accountId}`);
    const connection = this.connections.get(accountId);
    if (connection) connection.connectNow(true);
    else await this.openFromVault(row);
    return ok({});
  }

  /** The renderer stored everything up to `seq`; the cursor only moves forward here. */
  async committed(accountId: string, seq: number): Promise<Result<CallOutput<'events/committed'>>> {
    await this.d.registry.load();
    const row = this.d.registry.get(accountId);
    if (!row) return err('not-found', `no account ${accountId}`);
    if (seq > row.cursor) await this.d.registry.update(accountId, { cursor: seq });
    return ok({});
  }

  /** The renderer's own cursor wins (it may be lower after a lost store): reconnect from it. */
  async resume(accountId: string, cursor: number): Promise<Result<CallOutput<'events/resume'>>> {
    await this.d.registry.load();
    if (!this.d.registry.get(accountId)) return err('not-found', `no account ${accountId}`);
    await this.d.registry.update(accountId, { cursor });
    this.connections.get(accountId)?.reconnect();
    return ok({});
  }

  async command<K extends HubCommandName>(
    accountId: string,
    name: K,
    input: HubCommandInput<K>,
  ): Promise<Result<HubCommandOutput<K>>> {
    await this.d.registry.load();
    const connection = this.connections.get(accountId);
    if (!connection) return err('not-found', `no connected account ${accountId}`);
    return connection.command(name, input);
  }

  private async openFromVault(row: AccountRecord): Promise<void> {
    if (this.connections.has(row.id)) return;
    const token = await this.d.vault.get(row.id).catch((error: Error) => {
      this.d.log.error('credential vault read failed', { accountId: row.id, error: error.message });
      return null;
    });
    // Another call (add, reconnect) may have opened it, or a remove dropped it, meanwhile.
    if (this.connections.has(row.id) || !this.d.registry.get(row.id)) return;
    if (token) this.open(row, token);
    else this.d.log.warn('no token in the vault; account stays offline', { accountId: row.id });
  }

  private open(row: AccountRecord, token: string): void {
    const connection = wireConnection(row, token, this.d, {
      alive: () => this.connections.get(row.id) === connection,
      view: () => this.viewOf(row.id),
    });
    this.connections.set(row.id, connection);
    connection.start();
  }

  private viewOf(accountId: string): AccountView | null {
    const row = this.d.registry.get(accountId);
    return row ? this.view(row) : null;
  }

  private view(row: AccountRecord): AccountView {
    return accountView(row, this.connections.get(row.id)?.state ?? initialState());
  }
}
