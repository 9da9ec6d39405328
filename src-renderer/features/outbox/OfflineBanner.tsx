import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/shallow';
import { useAccounts, useServices } from '../../app/services.js';

/** Says which accounts are offline and how many replies wait in the outbox. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const { db } = useServices();
  const offline = useAccounts(useShallow((s) => Object.values(s.byId).filter((a) => a.status === 'offline' || a.status === 'auth-failed').map((a) => a.name || a.id)));
  const queued = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  if (offline.length === 0 && queued === 0) return null;
  return (
    <div role="status" className="banner banner-warn offline-banner" data-testid="offline-banner" data-queued={queued}>
      {offline.length > 0 && <span>{t('outbox.bannerOffline', { accounts: offline.join('、') })} </span>}
      {queued > 0 && <span>{t(offline.length > 0 ? 'outbox.bannerQueued' : 'outbox.bannerQueuedOnline', { count: queued })}</span>}
    </div>
  );
}
