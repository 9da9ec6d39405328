import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { FreeSpaceForm } from './FreeSpaceForm.js';
import { formatBytes, percentOf } from './formatBytes.js';
import { useStorage } from './useStorage.js';

const PERSISTENCE = { true: 'storage.persistent', false: 'storage.notPersistent', null: 'storage.persistUnsupported' } as const;

export function StoragePanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const { usage, quota, persisted, lastEviction } = useStorage((s) => s);
  const counts = useLiveQuery(async () => ({ messages: await db.messages.count(), conversations: await db.conversations.count() }), [db]);
  const bytes = (n: number) => formatBytes(n, i18n.language);

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="storage-title" data-testid="storage-panel" onClick={onClose}>
      <div className="overlay-panel storage-panel" onClick={(e) => e.stopPropagation()}>
        <h2 id="storage-title">{t('storage.title')}</h2>
        <p data-testid="storage-usage">
          {usage !== null && quota !== null ? t('storage.usage', { used: bytes(usage), quota: bytes(quota), percent: percentOf(usage, quota) }) : t('storage.usageUnknown')}
        </p>
        <p data-testid="storage-persisted" data-persisted={String(persisted)}>
          {t(PERSISTENCE[String(persisted) as keyof typeof PERSISTENCE])}
        </p>
        {counts && <p className="muted">{t('storage.cached', counts)}</p>}
        {lastEviction && (
          <p className="muted" data-testid="storage-last-eviction">
            {t(lastEviction.reason === 'quota' ? 'storage.evicted' : 'storage.freed', { conversations: lastEviction.conversations.length, messages: lastEviction.messages })}
          </p>
        )}
        <FreeSpaceForm />
        <button type="button" className="storage-close" onClick={onClose}>
          {t('storage.close')}
        </button>
      </div>
    </div>
  );
}
