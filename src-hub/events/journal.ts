import type { Transaction } from '@electric-sql/pglite';
import { HubEvent, type HubEventOf, type HubEventType } from '../../src-shared/hub/events.js';
import type { Database } from '../store/database.js';
import { appendEvent } from '../store/eventLog.js';
import type { EventBus } from './eventBus.js';
import { createSerialQueue } from './serialQueue.js';

export interface JournalWriter {
  tx: Transaction;
  at: number;
  append<T extends HubEventType>(type: T, data: HubEventOf<T>['data']): Promise<HubEventOf<T>>;
}

/**
 * The only way state changes: a transaction that updates projections and
 * appends events together, then publishes the events once they are committed.
 */
export interface Journal {
  record<T>(accountId: string, work: (writer: JournalWriter) => Promise<T>): Promise<T>;
  /** Waits for writes in flight (used before closing the store). */
  drain(): Promise<void>;
}

export function createJournal(deps: { db: Database; bus: EventBus; now: () => number }): Journal {
  const queue = createSerialQueue();
  return {
    record(accountId, work) {
      return queue.run(async () => {
        const appended: HubEvent[] = [];
        const result = await deps.db.transaction(async (tx) => {
          const at = deps.now();
          const append = async <T extends HubEventType>(type: T, data: HubEventOf<T>['data']) => {
            // Parse before writing: a bug here must fail the command, not poison the log.
            const checked = HubEvent.parse({ seq: 1, type, at, data });
            const event = await appendEvent(tx, accountId, type, checked.data, at);
            appended.push(event);
            return event as HubEventOf<T>;
          };
          return work({ tx, at, append });
        });
        for (const event of appended) deps.bus.publish(accountId, event);
        return result;
      });
    },
    drain: () => queue.drain(),
  };
}
