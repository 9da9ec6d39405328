import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { oneAtATime, onTablesChanged } from '../../db/onChanges.js';
import { myIds, onAccountsChanged } from '../accounts/accountsStore.js';
import { queryInbox } from '../inbox/queryInbox.js';

const EVERY_MS = 1_000;

/**
 * The combined badge: unread customer messages in my conversations, on every account.
 * Recounted at most once a second after conversations change (a burst costs one count).
 * Electron sets the dock/tray badge; the web host shows it in the tab title.
 */
export function useBadge(): void {
  const { t } = useTranslation();
  const { db, accounts, bridge } = useServices();
  useEffect(() => {
    const title = t('app.title');
    let last = -1;
    const recount = oneAtATime(async () => {
      const mine = await queryInbox(db, 'mine', myIds(accounts.getState()), Infinity);
      const count = mine.reduce((sum, c) => sum + c.unread, 0);
      if (count === last) return;
      last = count;
      const viaMain = await bridge.app.setBadge({ count });
      if (!(viaMain.ok && viaMain.value.handled)) document.title = count > 0 ? `(${count}) ${title}` : title;
    });
    const stopChanges = onTablesChanged(db, ['conversations'], recount, EVERY_MS);
    const unsubscribeAccounts = onAccountsChanged(accounts, (s) => JSON.stringify(myIds(s)), () => void recount());
    return () => {
      stopChanges();
      unsubscribeAccounts();
    };
  }, [db, accounts, bridge, t]);
}
