import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/shallow';
import type { AccountView } from '../../../src-shared/index.js';
import { useAccounts, useServices } from '../../app/services.js';
import { AccountRow } from './AccountRow.js';
import { AddAccountForm } from './AddAccountForm.js';

export function AccountPanel() {
  const { t } = useTranslation();
  const { bridge } = useServices();
  const loaded = useAccounts((s) => s.loaded);
  const accounts = useAccounts(useShallow((s) => Object.values(s.byId)));

  const remove = async (account: AccountView) => {
    if (!window.confirm(t('accounts.removeConfirm', { name: account.name || account.id }))) return;
    await bridge.accounts.remove({ accountId: account.id });
  };

  return (
    <section className="account-panel" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('accounts.title')}</h2>
      {!loaded ? (
        <p className="muted">{t('app.loading')}</p>
      ) : accounts.length === 0 ? (
        <p className="muted" data-testid="accounts-empty">
          {t('accounts.empty')}
        </p>
      ) : (
        <ul className="account-list">
          {accounts.map((a) => (
            <AccountRow key={a.id} account={a} onRemove={remove} />
          ))}
        </ul>
      )}
      <AddAccountForm />
    </section>
  );
}
