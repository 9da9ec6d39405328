import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../../app/services.js';
import { NOTIFY_RULES, ruleFor, type NotifyRule } from './rulesStore.js';

export function NotifyRuleSelect({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { rules } = useServices();
  const rule = useStore(rules, (s) => ruleFor(s, accountId));
  return (
    <label className="notify-rule">
      {t('accounts.notify.label')}
      <select data-testid="notify-rule" value={rule} onChange={(e) => rules.getState().set(accountId, e.target.value as NotifyRule)}>
        {NOTIFY_RULES.map((r) => (
          <option key={r} value={r}>
            {t(`accounts.notify.${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
