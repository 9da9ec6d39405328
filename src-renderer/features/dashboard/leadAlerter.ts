import type { TFunction } from 'i18next';
import type { HubEvent } from '../../../src-shared/index.js';
import type { WorkstationDb } from '../../db/schema.js';
import type { AccountsStore } from '../accounts/accountsStore.js';
import type { Notifier } from '../notifications/notifier.js';
import { ruleFor, type RulesStore } from '../notifications/rulesStore.js';
import { decideLeadAlerts, type LeadAlert } from './decideLeadAlerts.js';

export interface LeadAlerterDeps {
  db: WorkstationDb;
  accounts: AccountsStore;
  rules: RulesStore;
  notify: Notifier;
  t: TFunction;
}

/** Runs after a batch is stored (beside the agents' alerter): SLA breaches and angry customers, for leads. */
export function createLeadAlerter({ db, accounts, rules, notify, t }: LeadAlerterDeps) {
  const title = (a: LeadAlert, accountName: string) =>
    a.kind === 'sla'
      ? t('dashboard.notify.sla', { name: a.customerName, queue: a.queue, account: accountName })
      : t('dashboard.notify.angry', { name: a.customerName, account: accountName });
  const body = (a: LeadAlert) => (a.kind === 'sla' ? t(`dashboard.sla.${a.sla}`) : a.preview);

  return async (accountId: string, events: readonly HubEvent[], live: boolean, angered: readonly string[]): Promise<void> => {
    const account = accounts.getState().byId[accountId];
    if (!account) return;
    const ids = [...new Set([...angered, ...events.flatMap((e) => (e.type === 'sla.breached' ? [e.data.conversationId] : []))])];
    if (ids.length === 0) return;
    const rows = await db.conversations.bulkGet(ids);
    const conversations = new Map(rows.flatMap((c) => (c ? [[c.id, c] as const] : [])));
    const alerts = decideLeadAlerts({ events, angered, conversations, role: account.person?.role ?? null, rule: ruleFor(rules.getState(), accountId), live });
    for (const a of alerts) await notify({ title: title(a, account.name), body: body(a), accountId, conversationId: a.conversationId });
  };
}
