import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { useNow } from '../../app/useNow.js';
import { NotifyRuleSelect } from '../notifications/NotifyRuleSelect.js';

export function AccountRow({ account, onRemove }: { account: AccountView; onRemove: (a: AccountView) => void }) {
  const { t, i18n } = useTranslation();
  const { bridge } = useServices();
  const now = useNow(1_000);
  const retryIn = account.retryAt && account.status === 'offline' ? Math.max(0, Math.ceil((account.retryAt - now) / 1000)) : null;
  const syncedAt = account.syncedAt ? new Date(account.syncedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }) : null;
  const retry = () => void bridge.accounts.reconnect({ accountId: account.id });
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
      {account.status === 'syncing' && account.missed !== null && (
        <div className="account-meta" data-testid="account-syncing">
          {t('accounts.syncingMissed', { count: account.missed })}
        </div>
      )}
      {syncedAt && account.status !== 'syncing' && (
        <div className="account-meta" data-testid="account-synced">
          {t('accounts.upToDate', { time: syncedAt })}
        </div>
      )}
      {account.reason && (
        <div className="account-reason" title={account.detail ?? undefined} data-testid="account-reason">
          {t(`accounts.reason.${account.reason}`)}
          {retryIn !== null && ` ${t('accounts.retryIn', { seconds: retryIn })}`}
        </div>
      )}
      <div className="account-tools">
        {(account.status === 'offline' || account.status === 'auth-failed') && (
          <button type="button" className="link-button" data-testid="account-retry" onClick={retry}>
            {t('accounts.retryNow')}
          </button>
        )}
        <NotifyRuleSelect accountId={account.id} />
        <button type="button" className="link-button" onClick={() => onRemove(account)}>
          {t('accounts.remove')}
        </button>
      </div>
    </li>
  );
}
