import type { Namespace, Socket } from 'socket.io';
import { ServerEvents, type QueueStatsFrame } from '../../src-shared/hub/events.js';
import type { AccountRouting } from './accountRouting.js';
import type { Clock, TimerHandle } from './clock.js';
import { computeQueueStats } from './queueStats.js';

export const statsRoom = (accountId: string): string => `queue-stats:${accountId}`;

/**
 * Every interval, each account with a lead or supervisor connected gets a volatile
 * `queue.stats` frame if its numbers differ from the last frame sent (the time and
 * the growing wait alone are no change): nothing is sent while the account is idle.
 */
export interface StatsBroadcaster {
  /** The current numbers to one socket at once (a lead who just connected). */
  sendNow(socket: Socket, state: AccountRouting): void;
  stop(): void;
}

export function startStatsBroadcaster(deps: { nsp: Namespace; clock: Clock; intervalMs: number; states: () => Iterable<AccountRouting> }): StatsBroadcaster {
  const { nsp, clock } = deps;
  const lastSent = new Map<string, string>();
  const frameOf = (state: AccountRouting): { frame: QueueStatsFrame; signature: string } => {
    const stats = computeQueueStats(state, clock.now());
    return { frame: { stats }, signature: JSON.stringify(stats.map(({ at: _at, longestWaitMs: _wait, ...numbers }) => numbers)) };
  };
  let timer: TimerHandle | null = null;
  const tick = () => {
    for (const state of deps.states()) {
      if (state.statsWatchers === 0) {
        lastSent.delete(state.accountId);
        continue;
      }
      const { frame, signature } = frameOf(state);
      if (lastSent.get(state.accountId) === signature) continue;
      lastSent.set(state.accountId, signature);
      // `.local`: every node mirrors the same state and serves its own watchers; through the
      // Redis adapter a plain emit would reach each watcher once per node.
      nsp.local.to(statsRoom(state.accountId)).volatile.emit(ServerEvents.queueStats, frame);
    }
    timer = clock.setTimeout(tick, deps.intervalMs);
  };
  timer = clock.setTimeout(tick, deps.intervalMs);
  return {
    sendNow: (socket, state) => void socket.emit(ServerEvents.queueStats, frameOf(state).frame),
    stop: () => {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
