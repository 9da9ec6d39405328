import type { TFunction } from 'i18next';
import type { WorkstationBridge } from '../../src-shared/index.js';
import { WorkstationDb } from '../db/schema.js';
import { createAccountsStore } from '../features/accounts/accountsStore.js';
import { createInboxStore } from '../features/inbox/inboxStore.js';
import { createAlerter } from '../features/notifications/alerter.js';
import { createNotifier } from '../features/notifications/notifier.js';
import { createRulesStore } from '../features/notifications/rulesStore.js';
import { startOutbox } from '../features/outbox/outboxSender.js';
import type { Services } from './services.js';
import { startSync } from './sync.js';

/** The renderer's composition root: stores, cache, sync, outbox and alerts, wired once. */
export function createServices(bridge: WorkstationBridge, t: TFunction): { services: Services; refresh: () => Promise<void> } {
  const db = new WorkstationDb();
  const accounts = createAccountsStore();
  const inbox = createInboxStore();
  const rules = createRulesStore();
  const open = (conversationId: string) => inbox.getState().select(conversationId);
  const notify = createNotifier(bridge, open);
  const sync = startSync({ bridge, db, accounts, onStored: createAlerter({ db, accounts, rules, notify, t }) });
  const outbox = startOutbox({ db, bridge, accounts });

  bridge.app.onNotificationClicked(({ conversationId }) => conversationId && open(conversationId));
  // The network came back: don't wait out the backoff.
  window.addEventListener('online', () => void bridge.accounts.reconnect({}));

  return { services: { bridge, db, accounts, inbox, outbox, rules, notify }, refresh: sync.refresh };
}
