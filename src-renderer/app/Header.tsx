import { useTranslation } from 'react-i18next';
import { KnowledgeButton } from '../features/knowledge/KnowledgeButton.js';
import { TestNotificationButton } from '../features/notifications/TestNotificationButton.js';
import { LanguageSwitch } from '../features/settings/LanguageSwitch.js';
import { StorageEntry } from '../features/storage/index.js';

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
      <KnowledgeButton />
      <TestNotificationButton />
      <StorageEntry />
      <LanguageSwitch />
    </header>
  );
}
