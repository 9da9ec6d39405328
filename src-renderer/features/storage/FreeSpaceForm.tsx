import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStorageService } from './useStorage.js';

const DEFAULT_DAYS = 30;

/** "Remove resolved conversations older than N days", with a confirmation step. */
export function FreeSpaceForm() {
  const { t } = useTranslation();
  const { freeOlderThan } = useStorageService();
  const [days, setDays] = useState(DEFAULT_DAYS);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const valid = Number.isFinite(days) && days >= 0;

  const remove = async () => {
    setBusy(true);
    await freeOlderThan(days).finally(() => setBusy(false));
    setConfirming(false);
  };

  return (
    <fieldset className="free-space">
      <legend>{t('storage.freeTitle')}</legend>
      <label>
        {t('storage.freeDays')}{' '}
        <input type="number" min={0} value={days} data-testid="storage-days" onChange={(e) => setDays(e.target.valueAsNumber)} disabled={confirming} />
      </label>
      {!confirming ? (
        <button type="button" data-testid="storage-free" disabled={!valid} onClick={() => setConfirming(true)}>
          {t('storage.freeButton')}
        </button>
      ) : (
        <div role="alertdialog" className="free-space-confirm">
          <p>{t('storage.freeConfirm', { days })}</p>
          <button type="button" data-testid="storage-free-confirm" disabled={busy} onClick={() => void remove()}>
            {t('storage.confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('storage.cancel')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
