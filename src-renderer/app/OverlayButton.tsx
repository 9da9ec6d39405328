import { useTranslation } from 'react-i18next';
import { leadAccounts } from '../features/accounts/leadAccounts.js';
import type { Overlay } from '../features/inbox/inboxStore.js';
import { useAccounts, useInbox } from './services.js';

interface Props {
  overlay: Exclude<Overlay, null>;
  label: string;
  testId: string;
  /** The key that opens it too, shown as the tooltip. */
  shortcut?: string;
  /** Shown only to people who lead or supervise an account (the hub enforces the roles anyway). */
  leadsOnly?: boolean;
}

/** A header button that opens one of the app's panels. */
export function OverlayButton({ overlay, label, testId, shortcut, leadsOnly = false }: Props) {
  const { t } = useTranslation();
  const setOverlay = useInbox((s) => s.setOverlay);
  const visible = useAccounts((s) => !leadsOnly || leadAccounts(s.byId).length > 0);
  if (!visible) return null;
  return (
    <button type="button" className="header-button" data-testid={testId} title={shortcut} onClick={() => setOverlay(overlay)}>
      {t(label)}
    </button>
  );
}
