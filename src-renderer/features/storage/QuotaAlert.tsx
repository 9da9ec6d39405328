import { useTranslation } from 'react-i18next';
import { useStorage, useStorageService } from './useStorage.js';

/** Stays until the agent retries or frees space: a full disk must never fail silently. */
export function QuotaAlert({ onOpenPanel }: { onOpenPanel: () => void }) {
  const { t } = useTranslation();
  const { retry } = useStorageService();
  const failure = useStorage((s) => s.failure);
  if (!failure) return null;
  return (
    <div role="alert" className="banner storage-alert" data-testid="storage-full" data-ingest={failure.ingest}>
      <span>{t(failure.ingest ? 'storage.fullIngest' : 'storage.fullWrite')}</span>
      <button type="button" className="header-button" onClick={onOpenPanel}>
        {t('storage.open')}
      </button>
      <button type="button" className="header-button" data-testid="storage-retry" onClick={() => void retry()}>
        {t('storage.retry')}
      </button>
    </div>
  );
}
