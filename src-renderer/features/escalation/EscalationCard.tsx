import { useTranslation } from 'react-i18next';
import type { CachedConversation } from '../../db/schema.js';

/** What the receiver of an escalation reads first: to whom, by whom, why, and the summary. Plain text only. */
export function EscalationCard({ escalation }: { escalation: NonNullable<CachedConversation['escalation']> }) {
  const { t } = useTranslation();
  return (
    <aside className="escalation-card" role="note" data-testid="escalation-card">
      <strong>{t('escalation.cardTitle', { target: t(`escalation.target.${escalation.target}`) })}</strong>
      {escalation.byName && <span className="muted"> · {t('escalation.from', { name: escalation.byName })}</span>}
      <p>{escalation.reason}</p>
      {escalation.summary && (
        <p className="escalation-summary" data-testid="escalation-summary">
          {escalation.summary}
        </p>
      )}
    </aside>
  );
}
