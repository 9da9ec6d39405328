import { liveQuery } from 'dexie';
import type { WorkstationBridge } from '../../../src-shared/index.js';
import { isTransient, startRetryLoop } from '../../app/retryLoop.js';
import type { WorkstationDb } from '../../db/schema.js';
import { countPending, dropFeedback, markFeedbackSynced, pendingFeedback } from '../../db/suggestionFeedback.js';
import type { AccountsStore } from '../accounts/accountsStore.js';

export interface FeedbackSyncDeps {
  db: WorkstationDb;
  bridge: WorkstationBridge;
  accounts: AccountsStore;
  log?: (line: string) => void;
  retryMs?: number;
}

/**
 * Sends pending suggestion feedback to the hub. Each row is independent (no order to
 * keep) and idempotent on its client id, so a lost ack is simply sent again and the
 * hub answers `duplicate`. A refusal that will not change (the article was deleted:
 * `not-found`; `validation`, `forbidden`) drops the row with the reason logged:
 * feedback is statistics, not a message anyone waits for.
 */
export function startFeedbackSync({ db, bridge, accounts, log = console.error, retryMs = 30_000 }: FeedbackSyncDeps) {
  const online = (accountId: string) => accounts.getState().byId[accountId]?.status === 'online';

  async function pass(stopped: () => boolean): Promise<boolean> {
    let sent = false;
    for (const row of await pendingFeedback(db)) {
      if (stopped() || !online(row.accountId)) continue;
      const { accountId, clientId, conversationId, messageId, articleId, rank, action, vote } = row;
      const result = await bridge.suggestions.feedback({ accountId, clientId, conversationId, messageId, articleId, rank, action, vote });
      if (result.ok) {
        await markFeedbackSynced(db, clientId);
        sent = true;
      } else if (!isTransient(result.error.code)) {
        log(`feedback: dropped ${clientId} (article ${articleId}): ${result.error.code}: ${result.error.message}`);
        await dropFeedback(db, clientId);
        sent = true;
      }
    }
    return sent;
  }

  const loop = startRetryLoop({ accounts, pass, name: 'feedback', log, retryMs });
  // A new row kicks the loop by itself: whoever records feedback needs no handle on the syncer.
  const watch = liveQuery(() => countPending(db)).subscribe({
    next: (pending) => void (pending > 0 && loop.kick()),
    error: (e: unknown) => log(`feedback: ${String(e)}`),
  });
  return {
    ...loop,
    stop() {
      watch.unsubscribe();
      loop.stop();
    },
  };
}

export type FeedbackSync = ReturnType<typeof startFeedbackSync>;
