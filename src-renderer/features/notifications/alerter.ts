import type { TFunction } from 'i18next';
import { queueOf, type HubEvent } from '../../../src-shared/index.js';
import type { WorkstationDb } from '../../db/schema.js';
import type { AccountsStore } from '../accounts/accountsStore.js';
import { decideAlerts } from './decide.js';
import type { Notifier } from './notifier.js';
import { ruleFor, type RulesStore } from './rulesStore.js';

/**
 * Runs after a batch is stored. Only live traffic alerts: while an account replays
 * what it missed (syncing) nothing pops up, or a morning start would ring 300 times.
 */
export function createAlerter(deps: { db: WorkstationDb; accounts: AccountsStore; rules: RulesStore; notify: Notifier; t: TFunction }) {
  return async (accountId: string, events: readonly HubEvent[], live: boolean): Promise<void> => {
    const account = deps.accounts.getState().byId[accountId];
    if (!live || !account) return;
    const ids = [...new Set(events.flatMap((e) => (e.type === 'message.created' ? [e.data.conversationId] : e.type === 'conversation.assigned' ? [e.data.conversationId] : [])))];
    if (ids.length === 0) return;
    const rows = await deps.db.conversations.bulkGet(ids);
    const conversations = new Map(rows.flatMap((c) => (c ? [[c.id, c] as const] : [])));
    const rules = deps.rules.getState();
    const alerts = decideAlerts({
      accountId,
      events,
      conversations,
      myId: account.person?.id ?? null,
      myName: account.person?.name ?? null,
      ruleOf: (c) => ruleFor(rules, accountId, c ? queueOf(c) : undefined),
    });
    for (const a of alerts) {
      const title = deps.t(`notify.${a.kind}`, { name: a.customerName, account: account.name });
      await deps.notify({ title, body: a.preview, accountId, conversationId: a.conversationId, replyable: a.kind === 'message' });
    }
  };
}
