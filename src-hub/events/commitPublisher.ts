import type { HubEvent } from '../../src-shared/hub/events.js';
import type { EventBus } from './eventBus.js';

/** How the journal hands its committed events to the bus. */
export interface CommitPublisher {
  /** Inside the transaction, just before COMMIT: if these seqs show up in the log, this node wrote them. */
  reserve(accountId: string, events: readonly HubEvent[]): void;
  /** After COMMIT: resolves once the events are on this node's bus, in seq order. Never rejects. */
  committed(accountId: string, events: readonly HubEvent[]): Promise<void>;
  /** After a rollback: the seqs go to whoever commits next. */
  release(accountId: string, events: readonly HubEvent[]): void;
}

/**
 * One node alone: its per-account queue already commits in seq order, so the
 * events go straight to the bus (used where no cluster is wired: tests, benches).
 */
export function directPublisher(bus: EventBus): CommitPublisher {
  return {
    reserve() {},
    release() {},
    async committed(accountId, events) {
      for (const event of events) bus.publish(accountId, event, 'local');
    },
  };
}
