import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/shallow';
import { useAccounts, useInbox, useQueueStats } from '../../app/services.js';
import { useNow } from '../../app/useNow.js';
import { queueRefKey } from '../../db/queueSamples.js';
import { QueueDetail } from './QueueDetail.js';
import { queuesOf } from './queueStatsStore.js';
import { QueueTile } from './QueueTile.js';
import { leadAccounts } from '../accounts/leadAccounts.js';
import './dashboard.css';

/** The leads' live queue dashboard (the hub sends its numbers to leads and supervisors only). */
export function DashboardPanel() {
  const open = useInbox((s) => s.overlay === 'dashboard');
  return open ? <Panel /> : null;
}

function Panel() {
  const { t } = useTranslation();
  const setOverlay = useInbox((s) => s.setOverlay);
  const loaded = useAccounts((s) => s.loaded);
  const byId = useAccounts((s) => s.byId);
  const watched = useMemo(() => leadAccounts(byId), [byId]);
  const [chosenAccount, setAccount] = useState<string | null>(null);
  const account = watched.find((a) => a.id === chosenAccount) ?? watched[0];
  const queues = useQueueStats(useShallow((s) => (account ? queuesOf(s, account.id) : [])));
  const [chosenQueue, setQueue] = useState<string | null>(null);
  const selected = queues.find((q) => queueRefKey(q) === chosenQueue) ?? queues[0];
  const now = useNow(1_000);

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="dashboard-title" data-testid="dashboard-panel" onClick={() => setOverlay(null)}>
      <div className="overlay-panel dashboard" onClick={(e) => e.stopPropagation()}>
        <div className="dashboard-toolbar">
          <h2 id="dashboard-title">{t('dashboard.title')}</h2>
          {watched.length > 1 && (
            <select aria-label={t('dashboard.account')} data-testid="dashboard-account" value={account?.id} onChange={(e) => (setAccount(e.target.value), setQueue(null))}>
              {watched.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name || a.id}
                </option>
              ))}
            </select>
          )}
          <button type="button" onClick={() => setOverlay(null)}>
            {t('dashboard.close')}
          </button>
        </div>
        {!loaded ? (
          <p className="muted" data-testid="dashboard-loading">{t('dashboard.loading')}</p>
        ) : !account ? (
          <p className="muted" data-testid="dashboard-leads-only">{t('dashboard.leadsOnly')}</p>
        ) : queues.length === 0 ? (
          <p className="muted" data-testid="dashboard-empty">
            {account.status === 'online' ? t('dashboard.empty') : t('dashboard.waitingForHub', { status: t(`accounts.status.${account.status}`) })}
          </p>
        ) : (
          <>
            <div className="queue-tiles" data-testid="queue-tiles">
              {queues.map((q) => (
                <QueueTile key={queueRefKey(q)} stats={q} now={now} selected={q === selected} onSelect={() => setQueue(queueRefKey(q))} />
              ))}
            </div>
            {selected && <QueueDetail key={queueRefKey(selected)} stats={selected} now={now} />}
          </>
        )}
      </div>
    </div>
  );
}
