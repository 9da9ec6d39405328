import type { EngineArticle } from '../../src-shared/ai/index.js';
import { kbOf } from '../db/kb.js';
import type { WorkstationDb } from '../db/schema.js';
import { oneAtATime, onTablesChanged } from '../db/onChanges.js';
import { accountIdsKey, onAccountsChanged, type AccountsStore } from '../features/accounts/accountsStore.js';
import type { AiClient } from './aiClient.js';

/**
 * Keeps the worker's engines in step with the cached KB: on start, after writes to the
 * KB table (at most once a second), and when accounts come or go; an account's engine
 * is rebuilt only when its articles changed.
 */
export function feedKnowledge(db: WorkstationDb, accounts: AccountsStore, ai: AiClient): () => void {
  const seen = new Map<string, string>();
  // One at a time: a read that began before a KB write and ended after a later one would feed the older articles last.
  const sync = oneAtATime(async () => {
    for (const accountId of Object.keys(accounts.getState().byId)) {
      const articles = await kbOf(db, accountId, 'article');
      const signature = `${articles.length}:${Math.max(0, ...articles.map((a) => a.updatedAt))}`;
      if (seen.get(accountId) === signature) continue;
      seen.set(accountId, signature);
      ai.setKb(accountId, articles satisfies EngineArticle[]);
    }
  });
  const stopChanges = onTablesChanged(db, ['kb'], sync, 1_000);
  const stopAccounts = onAccountsChanged(accounts, accountIdsKey, () => void sync());
  return () => {
    stopChanges();
    stopAccounts();
  };
}

