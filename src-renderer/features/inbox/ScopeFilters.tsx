import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/index.js';
import { useAccounts, useInbox } from '../../app/services.js';

/** Narrow the inbox to one channel and/or one account (only those the agent has). */
export function ScopeFilters() {
  const { t } = useTranslation();
  const scope = useInbox((s) => s.scope);
  const setScope = useInbox((s) => s.setScope);
  // Select the stable map and derive here: a selector building new objects would re-render forever.
  const byId = useAccounts((s) => s.byId);
  const accounts = useMemo(() => Object.values(byId).map((a) => ({ id: a.id, name: a.name || a.id, channel: a.channel })), [byId]);
  const channels = useMemo(() => [...new Set(accounts.flatMap((a) => (a.channel ? [a.channel] : [])))], [accounts]);
  if (accounts.length < 2) return null;
  return (
    <div className="scope-filters">
      <select aria-label={t('inbox.channelFilter')} data-testid="scope-channel" value={scope.channel ?? ''} onChange={(e) => setScope({ channel: (e.target.value || null) as Channel | null })}>
        <option value="">{t('inbox.allChannels')}</option>
        {channels.map((c) => (
          <option key={c} value={c}>
            {t(`channel.${c}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('inbox.accountFilter')} data-testid="scope-account" value={scope.accountId ?? ''} onChange={(e) => setScope({ accountId: e.target.value || null })}>
        <option value="">{t('inbox.allAccounts')}</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
