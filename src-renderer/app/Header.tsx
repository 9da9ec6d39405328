import { useTranslation } from 'react-i18next';
import { TestNotificationButton } from '../features/notifications/TestNotificationButton.js';
import { LanguageSwitch } from '../features/settings/LanguageSwitch.js';
import { StorageEntry } from '../features/storage/index.js';
import { OverlayButton } from './OverlayButton.js';

export function Header({ linkLost }: { linkLost: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      {linkLost && (
        <div role="alert" className="banner banner-warn" data-testid="bridge-lost">
          {t('app.bridgeLost')}
        </div>
      )}
      <OverlayButton overlay="dashboard" label="dashboard.open" testId="open-dashboard" shortcut="d" leadsOnly />
      <OverlayButton overlay="botview" label="supervision.open" testId="open-botview" shortcut="b" leadsOnly />
      <OverlayButton overlay="audit" label="audit.open" testId="open-audit" leadsOnly />
      <OverlayButton overlay="deliveries" label="deliveries.open" testId="open-deliveries" leadsOnly />
      <OverlayButton overlay="knowledge" label="knowledge.open" testId="open-knowledge" />
      <TestNotificationButton />
      <StorageEntry />
      <LanguageSwitch />
    </header>
  );
}
