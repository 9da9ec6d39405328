import type { HubEvent } from '../../src-shared/hub/events.js';
import { createAdminService } from '../admin/adminService.js';
import { newId } from '../auth/secrets.js';
import type { HubContext } from '../context.js';
import { createEventBus } from '../events/eventBus.js';
import { createJournal } from '../events/journal.js';
import { openDatabase } from '../store/database.js';

/**
 * The hub's real services over a store, without sockets: the order of records
 * is the test's to choose. `events` collects everything published. `target` is
 * what openDatabase takes: a `postgres://` URL, a PGlite data dir, or null (in memory).
 */
export async function storeContext(target: string | null): Promise<{ ctx: HubContext; events: HubEvent[] }> {
  const db = await openDatabase(target);
  const bus = createEventBus();
  const events: HubEvent[] = [];
  bus.subscribe(null, (_account, event) => void events.push(event));
  const now = () => Date.now();
  const journal = createJournal({ db, bus, now });
  return { ctx: { db, bus, now, newId, log: () => {}, journal, admin: createAdminService({ db, now, journal }) }, events };
}

/** The same over an in-memory PGlite. */
export const memoryContext = (): Promise<{ ctx: HubContext; events: HubEvent[] }> => storeContext(null);
