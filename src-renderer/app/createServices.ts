import type { TFunction } from 'i18next';
import type { WorkstationBridge } from '../../src-shared/index.js';
import { startAiWorker } from '../ai/aiClient.js';
import { feedKnowledge } from '../ai/kbFeeder.js';
import { trackMood } from '../ai/moodTracker.js';
import { WorkstationDb } from '../db/schema.js';
import { startSearchIndexer } from '../db/searchIndexerLoop.js';
import { createAccountsStore } from '../features/accounts/accountsStore.js';
import { createLeadAlerter, startQueueSampler } from '../features/dashboard/index.js';
import { startFeedbackSync } from '../features/feedback/index.js';
import { createInboxStore } from '../features/inbox/inboxStore.js';
import { createAlerter } from '../features/notifications/alerter.js';
import { createNotifier } from '../features/notifications/notifier.js';
import { queueInlineReply } from '../features/notifications/queueInlineReply.js';
import { createRulesStore } from '../features/notifications/rulesStore.js';
import { startOutbox } from '../features/outbox/outboxSender.js';
import { startStorage } from '../features/storage/index.js';
import type { Services } from './services.js';
import { startSync } from './sync.js';

/** The renderer's composition root: stores, cache, sync, outbox and alerts, wired once. */
export function createServices(bridge: WorkstationBridge, t: TFunction): { services: Services; refresh: () => Promise<void> } {
  const db = new WorkstationDb();
  // Opened now, not on the inbox's first query: the backend's open (slow after a browser
  // restart over a big cache) overlaps React's first render. The mark is what the
  // cold-start bench and a Performance profile read; a failed open surfaces at the first query.
  void db.open().then(() => performance.mark('workstation:db-open'), () => undefined);
  const accounts = createAccountsStore();
  const inbox = createInboxStore();
  const rules = createRulesStore();
  const open = (conversationId: string) => inbox.getState().select(conversationId);
  const notify = createNotifier(bridge, open);
  const ai = startAiWorker();
  const alert = createAlerter({ db, accounts, rules, notify, t });
  const leadAlert = createLeadAlerter({ db, accounts, rules, notify, t });
  const sync = startSync({
    bridge,
    db,
    accounts,
    onStored: async (accountId, events, live) => {
      const angered = await trackMood(db, ai, events);
      await alert(accountId, events, live);
      await leadAlert(accountId, events, live, angered);
    },
  });
  feedKnowledge(db, accounts, ai);
  // Search postings are written in idle time, off the ingest transaction (see db/searchIndexer.ts).
  startSearchIndexer(db);
  const outbox = startOutbox({
    db,
    bridge,
    accounts,
    // Said when it lands, also for one written offline: with a warning when nobody online serves the target queue.
    onEscalated: (row, servedBy) =>
      servedBy === 0
        ? inbox.getState().notify(t('escalation.nobodyServes', { target: t(`escalation.target.${row.escalation!.target}`) }), true)
        : inbox.getState().notify(t('escalation.done')),
  });
  startFeedbackSync({ db, bridge, accounts });
  // Samples the hub's queue numbers all session long, so the dashboard opens with history.
  const queueStats = startQueueSampler({ bridge, db }).store;
  // Guards every write against a full disk (evict, retry once, alert) and asks for persistent storage.
  startStorage({ db, inbox, t, resync: () => sync.refresh() });

  bridge.app.onNotificationClicked(({ conversationId }) => conversationId && open(conversationId));
  bridge.app.onNotificationReplied((reply) => void queueInlineReply(db, outbox.kick, reply));
  // The network came back: don't wait out the backoff.
  window.addEventListener('online', () => void bridge.accounts.reconnect({}));

  return { services: { bridge, db, accounts, inbox, outbox, rules, notify, ai, queueStats }, refresh: sync.refresh };
}
