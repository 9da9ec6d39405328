import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditAction } from '../../../src-shared/index.js';
import { OverlayPanel, useOpenFromPanel } from '../../app/OverlayPanel.js';
import { useAccounts, useServices } from '../../app/services.js';
import { latestAudit } from '../../db/auditLog.js';
import { leadAccounts } from '../accounts/leadAccounts.js';

/** Who escalated, took over, reassigned, whispered, barged in or edited the KB: newest first, filterable. */
export function AuditPanel() {
  const { t } = useTranslation();
  return (
    <OverlayPanel overlay="audit" title={t('audit.title')} testId="audit-panel" className="audit">
      <Body />
    </OverlayPanel>
  );
}

function Body() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const byId = useAccounts((s) => s.byId);
  const ids = useMemo(() => leadAccounts(byId).map((a) => a.id), [byId]);
  const [action, setAction] = useState<AuditAction | 'all'>('all');
  const rows = useLiveQuery(() => latestAudit(db, ids), [db, ids]);
  const shown = (rows ?? []).filter((r) => action === 'all' || r.action === action);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const openConversation = useOpenFromPanel();

  return (
    <>
      <select aria-label={t('audit.filter')} data-testid="audit-filter" value={action} onChange={(e) => setAction(e.target.value as AuditAction | 'all')}>
        <option value="all">{t('audit.all')}</option>
        {AuditAction.options.map((a) => (
          <option key={a} value={a}>
            {t(`audit.action.${a}`)}
          </option>
        ))}
      </select>
      {rows === undefined ? (
        <p className="muted">{t('audit.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      ) : (
        <table className="audit-table">
          <thead>
            <tr>
              <th>{t('audit.when')}</th>
              <th>{t('audit.who')}</th>
              <th>{t('audit.what')}</th>
              <th>{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.accountId}:${r.id}`} data-testid="audit-row" data-action={r.action}>
                <td>{time.format(r.at)}</td>
                <td>{r.actorName}</td>
                <td>
                  {t(`audit.action.${r.action}`)}
                  {r.conversationId && (
                    <button type="button" className="link-button" onClick={() => openConversation(r.conversationId!)}>
                      {t('audit.openConversation')}
                    </button>
                  )}
                </td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
