import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { queueLabel } from '../dashboard/queueLabel.js';
import { NOTIFY_RULES, ownQueueRule, ruleFor, type NotifyRule } from './rulesStore.js';

/** The queues every account has; a rule can be set for each (e.g. all of tier 2, only mine elsewhere). */
const QUEUES = ['general', 'tier2', 'supervisor'] as const;

export function NotifyRuleSelect({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { rules } = useServices();
  const rule = useStore(rules, (s) => ruleFor(s, accountId));
  return (
    <div className="notify-rule">
      <label>
        {t('accounts.notify.label')}
        <select data-testid="notify-rule" value={rule} onChange={(e) => rules.getState().set(accountId, e.target.value as NotifyRule)}>
          <RuleOptions />
        </select>
      </label>
      <details className="notify-queues">
        <summary>{t('accounts.notify.perQueue')}</summary>
        {QUEUES.map((queue) => (
          <QueueRule key={queue} accountId={accountId} queue={queue} />
        ))}
      </details>
    </div>
  );
}

function QueueRule({ accountId, queue }: { accountId: string; queue: string }) {
  const { t } = useTranslation();
  const { rules } = useServices();
  const own = useStore(rules, (s) => ownQueueRule(s, accountId, queue));
  return (
    <label>
      {queueLabel(t, queue)}
      <select
        data-testid={`notify-rule-${queue}`}
        value={own ?? ''}
        onChange={(e) => rules.getState().setQueue(accountId, queue, (e.target.value || null) as NotifyRule | null)}
      >
        <option value="">{t('accounts.notify.sameAsAccount')}</option>
        <RuleOptions />
      </select>
    </label>
  );
}

function RuleOptions() {
  const { t } = useTranslation();
  return (
    <>
      {NOTIFY_RULES.map((r) => (
        <option key={r} value={r}>
          {t(`accounts.notify.${r}`)}
        </option>
      ))}
    </>
  );
}
