import type { AdminService } from './admin/adminService.js';
import type { EventBus } from './events/eventBus.js';
import type { Journal } from './events/journal.js';
import type { Database } from './store/database.js';

/** The ports every hub service receives; wired once in index.ts, faked nowhere (tests use the real thing). */
export interface HubContext {
  db: Database;
  journal: Journal;
  bus: EventBus;
  admin: AdminService;
  now: () => number;
  newId: (prefix: string) => string;
  log: (line: string) => void;
}
