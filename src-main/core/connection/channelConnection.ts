import type { StatusReason } from '../../../src-shared/bridge/contract.js';
import {
  ConnectRefusal,
  type HubCommandInput,
  type HubCommandName,
  type HubCommandOutput,
} from '../../../src-shared/hub/commands.js';
import { EventsFrame, HubEvent, QueueStatsFrame, ServerEvents, SessionOpened, SyncDone } from '../../../src-shared/hub/events.js';
import { describeZodError, err, type Result } from '../../../src-shared/result.js';
import type { Clock, Random, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { backoffDelay, type BackoffPolicy } from './backoff.js';
import { CommandSender } from './commandSender.js';
import { afterBatch, clip, type ConnectionState, disconnectReason, initialState, refusalReason } from './connectionState.js';
import { createEventBatcher, type EventBatcher } from './eventBatcher.js';
import type { HubSocket, SocketFactory } from './hubSocket.js';

export interface ConnectionTuning {
  backoff: BackoffPolicy;
  commandTimeoutMs: number;
  /** Online this long without a drop: the backoff starts again from the base. */
  stableAfterMs: number;
  maxBatch: number;
}

export const defaultTuning: ConnectionTuning = {
  backoff: { baseMs: 500, capMs: 30_000 },
  commandTimeoutMs: 10_000,
  stableAfterMs: 30_000,
  maxBatch: 500,
};

export interface ChannelConnectionOptions {
  accountId: string;
  hubUrl: string;
  token: string;
  /** The committed cursor to resume from, read on every (re)connect. */
  cursor: () => number;
  socketFactory: SocketFactory;
  clock: Clock;
  random: Random;
  log: Logger;
  tuning: ConnectionTuning;
  onState(state: ConnectionState): void;
  onSession(session: SessionOpened): void;
  onEvents(events: HubEvent[]): void;
  onQueueStats(frame: QueueStatsFrame): void;
}

/** One account's socket.io connection to the hub: connect, sync, resume, retry, commands. */
export class ChannelConnection {
  private socket: HubSocket | null = null;
  private current: ConnectionState = initialState();
  private running = false;
  private attempt = 0;
  private retryTimer: TimerHandle | null = null;
  private onlineSince: number | null = null;
  /** Highest seq delivered on this socket; starts at the handshake cursor. */
  private lastSeq = 0;
  /** The hub's head seq from session.opened: where the replay ends. */
  private headSeq = 0;
  private readonly commands: CommandSender;
  private readonly batcher: EventBatcher;

  constructor(private readonly o: ChannelConnectionOptions) {
    this.commands = new CommandSender(o.clock, o.tuning.commandTimeoutMs);
    this.batcher = createEventBatcher({ clock: o.clock, maxBatch: o.tuning.maxBatch, deliver: (events) => this.delivered(events) });
  }

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  stop(): void {
    this.running = false;
    this.cancelRetry();
    this.close('stopped');
    this.setState({ status: 'offline', reason: null, detail: null, retryAt: null, missed: null });
  }

  /** Drops the socket and connects again now, from the (possibly changed) cursor. */
  reconnect(): void {
    this.cancelRetry();
    this.close('reconnecting');
    this.attempt = 0;
    this.running = true;
    this.open();
  }

  /**
   * Skips the backoff wait: connects now if offline, or auth-failed when `force`
   * (the user's retry). A no-op while connecting, syncing or online, so a burst of
   * calls makes one connection. Answers whether it started one.
   */
  connectNow(force = false): boolean {
    const { status } = this.current;
    if (!this.running) return false;
    if (status !== 'offline' && !(force && status === 'auth-failed')) return false;
    this.cancelRetry();
    // The machine or the network changed: the old backoff level says nothing now.
    this.attempt = 0;
    this.open();
    return true;
  }

  command<K extends HubCommandName>(name: K, input: HubCommandInput<K>): Promise<Result<HubCommandOutput<K>>> {
    if (!this.socket?.connected) return Promise.resolve(err('offline', `account ${this.o.accountId} is not connected`));
    return this.commands.send(this.socket, name, input);
  }

  private open(): void {
    const cursor = this.o.cursor();
    this.lastSeq = cursor;
    this.onlineSince = null;
    const socket = this.o.socketFactory({
      hubUrl: this.o.hubUrl,
      // Batched frames: a burst or a replay costs one parse per frame, not per event.
      auth: { accountId: this.o.accountId, token: this.o.token, cursor, frames: 'batched' },
    });
    this.socket = socket;
    const mine = (handler: (...args: any[]) => void) => (...args: any[]) => {
      if (this.socket === socket) handler(...args);
    };
    socket.on('connect', mine(() => this.o.log.info('connected, syncing', { cursor })));
    socket.on('connect_error', mine((error: Error) => this.onConnectError(error)));
    socket.on('disconnect', mine((reason: string) => this.onDisconnect(reason)));
    socket.on(ServerEvents.session, mine((payload: unknown) => this.onSession(payload)));
    socket.on(ServerEvents.event, mine((payload: unknown) => this.onEvent(payload)));
    socket.on(ServerEvents.events, mine((payload: unknown) => this.onEvents(payload)));
    socket.on(ServerEvents.syncDone, mine((payload: unknown) => this.onSyncDone(payload)));
    socket.on(ServerEvents.queueStats, mine((payload: unknown) => this.onQueueStats(payload)));
    this.setState({ status: 'connecting', reason: null, detail: null, retryAt: null, missed: null });
    socket.connect();
  }

  private close(why: string): void {
    this.batcher.flush();
    this.commands.failAll('offline', `connection closed (${why})`);
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.disconnect();
  }

  private onConnectError(error: Error): void {
    const refusal = ConnectRefusal.safeParse(error.message);
    this.close('connect error');
    if (refusal.success) {
      // The hub said no: retrying with the same token would only storm it.
      this.o.log.warn('hub refused the account', { refusal: refusal.data });
      const reason = refusalReason[refusal.data];
      this.setState({ status: 'auth-failed', reason, detail: refusal.data, retryAt: null, missed: null });
      return;
    }
    this.scheduleRetry('hub-unreachable', error.message);
  }

  private onDisconnect(reason: string): void {
    const now = this.o.clock.now();
    if (this.onlineSince !== null && now - this.onlineSince >= this.o.tuning.stableAfterMs) this.attempt = 0;
    this.close(reason);
    this.scheduleRetry(disconnectReason(reason), reason);
  }

  private scheduleRetry(reason: StatusReason, detail: string): void {
    const delay = backoffDelay(this.attempt, this.o.tuning.backoff, this.o.random);
    this.attempt += 1;
    const retryAt = this.o.clock.now() + delay;
    this.o.log.info('offline, will retry', { reason, detail, delayMs: delay });
    this.setState({ status: 'offline', reason, detail: clip(detail), retryAt, missed: null });
    this.retryTimer = this.o.clock.setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.open();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.o.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private onSession(payload: unknown): void {
    const parsed = SessionOpened.safeParse(payload);
    if (!parsed.success) return this.protocolError('session.opened', describeZodError(parsed.error));
    this.o.onSession(parsed.data);
    this.headSeq = parsed.data.headSeq;
    this.setState({ status: 'syncing', missed: Math.max(0, this.headSeq - this.lastSeq) });
  }

  private onEvent(payload: unknown): void {
    const parsed = HubEvent.safeParse(payload);
    if (!parsed.success) {
      const seq = (payload as { seq?: unknown } | null)?.seq;
      this.o.log.warn('dropped malformed hub event', { field: describeZodError(parsed.error), seq });
      return;
    }
    if (parsed.data.seq <= this.lastSeq) {
      this.o.log.debug('dropped duplicate hub event', { seq: parsed.data.seq, lastSeq: this.lastSeq });
      return;
    }
    this.lastSeq = parsed.data.seq;
    this.batcher.add(parsed.data);
  }

  /** A frame of events: each is checked on its own, so a malformed one is dropped alone. */
  private onEvents(payload: unknown): void {
    const parsed = EventsFrame.safeParse(payload);
    if (!parsed.success) return this.protocolError('events', describeZodError(parsed.error));
    for (const event of parsed.data.events) this.onEvent(event);
  }

  private onSyncDone(payload: unknown): void {
    const parsed = SyncDone.safeParse(payload);
    if (!parsed.success) return this.protocolError('sync.done', describeZodError(parsed.error));
    this.batcher.flush();
    this.onlineSince = this.o.clock.now();
    this.setState({ status: 'online', reason: null, detail: null, retryAt: null, syncedAt: this.onlineSince, missed: null });
  }

  private onQueueStats(payload: unknown): void {
    const parsed = QueueStatsFrame.safeParse(payload);
    if (!parsed.success) return this.o.log.warn('dropped malformed queue.stats', { field: describeZodError(parsed.error) });
    this.o.onQueueStats(parsed.data);
  }

  /** Hands a batch on (events before the status they change, as everywhere here). */
  private delivered(events: HubEvent[]): void {
    this.o.onEvents(events);
    const patch = afterBatch(this.current, this.headSeq, events[events.length - 1]!.seq, this.o.clock.now());
    if (patch) this.setState(patch);
  }

  /** A bad control frame is logged and dropped; the connection keeps going. */
  private protocolError(frame: string, field: string): void {
    this.o.log.warn(`dropped malformed ${frame}`, { field });
    this.setState({ reason: 'protocol-error', detail: clip(`${frame}: ${field}`) });
  }

  private setState(patch: Partial<ConnectionState>): void {
    this.current = { ...this.current, ...patch };
    this.o.onState(this.current);
  }
}
