import { useTranslation } from 'react-i18next';
import { useInbox } from '../../app/services.js';

export function KnowledgeButton() {
  const { t } = useTranslation();
  const setOverlay = useInbox((s) => s.setOverlay);
  return (
    <button type="button" className="header-button" data-testid="open-knowledge" onClick={() => setOverlay('knowledge')}>
      {t('knowledge.open')}
    </button>
  );
}
