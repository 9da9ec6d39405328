import type { HubEvent } from '../../src-shared/hub/events.js';

export type EventListener = (accountId: string, event: HubEvent) => void;

/**
 * In-process fan-out of committed events. A scaled-out hub would put a Redis
 * stream behind the same two methods.
 */
export interface EventBus {
  publish(accountId: string, event: HubEvent): void;
  /** `accountId: null` hears every account (adapters). Returns the unsubscribe function. */
  subscribe(accountId: string | null, listener: EventListener): () => void;
}

export function createEventBus(log: (line: string) => void = () => {}): EventBus {
  const listeners = new Map<string | null, Set<EventListener>>();

  const deliver = (set: Set<EventListener> | undefined, accountId: string, event: HubEvent) => {
    for (const listener of set ?? []) {
      // One broken listener must not starve the others of the event.
      try {
        listener(accountId, event);
      } catch (error) {
        log(`event listener failed: ${String(error)}`);
      }
    }
  };

  return {
    publish(accountId, event) {
      deliver(listeners.get(accountId), accountId, event);
      deliver(listeners.get(null), accountId, event);
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
