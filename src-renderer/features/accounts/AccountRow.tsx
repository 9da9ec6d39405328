import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../src-shared/index.js';
import { useNow } from '../../app/useNow.js';

export function AccountRow({ account, onRemove }: { account: AccountView; onRemove: (a: AccountView) => void }) {
  const { t } = useTranslation();
  const now = useNow(1_000);
  const retryIn = account.retryAt && account.status === 'offline' ? Math.max(0, Math.ceil((account.retryAt - now) / 1000)) : null;
  return (
    <li className="account-row" data-testid="account-row" data-account={account.id} data-status={account.status}>
      <div className="account-main">
        <span className={`status-dot status-${account.status}`} aria-hidden />
        <span className="account-name">{account.name || account.id}</span>
        {account.channel && <span className="badge">{t(`channel.${account.channel}`)}</span>}
      </div>
      <div className="account-meta">
        <span data-testid="account-status">{t(`accounts.status.${account.status}`)}</span>
        {account.person && (
          <span>
            {' · '}
            {account.person.name} ({t(`accounts.role.${account.person.role}`)})
          </span>
        )}
      </div>
      {account.reason && (
        <div className="account-reason" title={account.detail ?? undefined} data-testid="account-reason">
          {t(`accounts.reason.${account.reason}`)}
          {retryIn !== null && ` ${t('accounts.retryIn', { seconds: retryIn })}`}
        </div>
      )}
      <button type="button" className="link-button" onClick={() => onRemove(account)}>
        {t('accounts.remove')}
      </button>
    </li>
  );
}
