import type { HubAccount } from '../src-shared/domain/account.js';
import type { AdminService } from './admin/adminService.js';
import type { DeadLetterDesk } from './adapters/webhook/deadLetterDesk.js';
import type { EventBus } from './events/eventBus.js';
import type { RoutingAdmin } from './routing/routingAdminRoutes.js';
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
  /** The first-line bot, once started: hand-backs to it and its hand-over lines need it. Absent: there is no bot. */
  bot?: BotPresence;
  /** Routing (queues, presence, SLA), once started: the admin HTTP route sets its config. */
  routing?: RoutingAdmin;
  /** The webhook channel's dead letters, once it is started: leads list and retry them. */
  deadLetters?: DeadLetterDesk;
}

/** What other services need to know of the first-line bot. */
export interface BotPresence {
  /** Whether the bot answers this account's customers (web chat, bot enabled, a KB to answer from). */
  serves(account: HubAccount): boolean;
  /** The name its lines go out under. */
  name: string;
}
