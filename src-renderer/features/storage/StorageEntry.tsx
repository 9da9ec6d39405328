import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { QuotaAlert } from './QuotaAlert.js';
import { StoragePanel } from './StoragePanel.js';
import { useStorage, useStorageService } from './useStorage.js';

/** The header's "Storage" button, its overlay, and the storage-full alert. */
export function StorageEntry() {
  const { t } = useTranslation();
  const { store, refreshEstimate } = useStorageService();
  const open = useStorage((s) => s.panelOpen);
  const show = (panelOpen: boolean) => {
    store.setState({ panelOpen });
    if (panelOpen) void refreshEstimate();
  };

  useEffect(() => {
    if (!open) return;
    // Capture phase: Esc closes this overlay, and the inbox shortcuts stay quiet behind it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        store.setState({ panelOpen: false });
      }
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select') !== null;
      if (!typing || e.key === 'Escape') e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [open, store]);

  return (
    <>
      <button type="button" className="header-button" data-testid="storage-open" onClick={() => show(true)}>
        {t('storage.open')}
      </button>
      {open && <StoragePanel onClose={() => show(false)} />}
      <QuotaAlert onOpenPanel={() => show(true)} />
    </>
  );
}
