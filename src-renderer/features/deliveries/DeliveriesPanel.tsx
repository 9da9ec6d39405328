import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { OverlayPanel, useOpenFromPanel } from '../../app/OverlayPanel.js';
import { useAccounts, useServices } from '../../app/services.js';
import { leadAccounts } from '../accounts/leadAccounts.js';
import { AccountDeadLetters } from './AccountDeadLetters.js';
import { createDeadLetterStore } from './deadLetterStore.js';

/** Leads' and supervisors' failed deliveries: replies the connector's callback never took, per account, with a Retry each. */
export function DeliveriesPanel() {
  const { t } = useTranslation();
  return (
    <OverlayPanel overlay="deliveries" title={t('deliveries.title')} testId="deliveries-panel" className="audit">
      <Body />
    </OverlayPanel>
  );
}

function Body() {
  const { t } = useTranslation();
  const { bridge } = useServices();
  const byId = useAccounts((s) => s.byId);
  const accounts = useMemo(() => leadAccounts(byId), [byId]);
  const idsKey = accounts.map((a) => a.id).join('\n');
  // Made when the panel opens, gone when it closes: the lists are asked of the hub, never cached.
  const store = useMemo(() => createDeadLetterStore(bridge), [bridge]);
  const byAccount = useStore(store, (s) => s.byAccount);
  const retries = useStore(store, (s) => s.retries);
  // By the ids' text, not the accounts: a status change elsewhere must not ask the hub again.
  const ids = useMemo(() => (idsKey ? idsKey.split('\n') : []), [idsKey]);
  const refresh = () => void store.getState().refresh(ids);
  useEffect(() => void store.getState().refresh(ids), [store, ids]);
  const openConversation = useOpenFromPanel();

  return (
    <>
      <p className="muted">{t('deliveries.intro')}</p>
      <button type="button" data-testid="deliveries-refresh" onClick={refresh}>
        {t('deliveries.refresh')}
      </button>
      {accounts.map((account) => (
        <AccountDeadLetters
          key={account.id}
          name={account.name || account.id}
          letters={byAccount[account.id]}
          retries={retries}
          onRetry={(id) => void store.getState().retry(account.id, id)}
          onOpen={openConversation}
        />
      ))}
    </>
  );
}
