import type { HubEvent } from '../../src-shared/hub/events.js';

/**
 * Where an event was committed: `local` by this hub node, `remote` by another
 * node of the cluster (read back from the shared log). Socket delivery wants
 * both; a worker that acts on an event (the bot, mail and webhook delivery)
 * takes only `local` ones, so it acts once cluster-wide.
 */
export type EventOrigin = 'local' | 'remote';

export type EventListener = (accountId: string, event: HubEvent, origin: EventOrigin) => void;

/**
 * In-process fan-out of committed events, in seq order per account. In a
 * cluster the ordered publisher also publishes here what other nodes committed.
 */
export interface EventBus {
  publish(accountId: string, event: HubEvent, origin?: EventOrigin): void;
  /** `accountId: null` hears every account (adapters). Returns the unsubscribe function. */
  subscribe(accountId: string | null, listener: EventListener): () => void;
}

export function createEventBus(log: (line: string) => void = () => {}): EventBus {
  const listeners = new Map<string | null, Set<EventListener>>();

  const deliver = (set: Set<EventListener> | undefined, accountId: string, event: HubEvent, origin: EventOrigin) => {
    for (const listener of set ?? []) {
      // One broken listener must not starve the others of the event.
      try {
        listener(accountId, event, origin);
      } catch (error) {
        log(`event listener failed: ${String(error)}`);
      }
    }
  };

  return {
    publish(accountId, event, origin = 'local') {
      deliver(listeners.get(accountId), accountId, event, origin);
      deliver(listeners.get(null), accountId, event, origin);
    },
    subscribe(accountId, listener) {
      const set = listeners.get(accountId) ?? new Set();
      listeners.set(accountId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(accountId);
      };
    },
  };
}
