import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useInbox, useServices } from '../../app/services.js';
import { kbOf } from '../../db/kb.js';
import { draftOf, newDraft, type ArticleDraft, type KbKind } from './articleDraft.js';
import { RewriteSettingsForm } from '../suggestions/index.js';
import { AcceptanceTable } from './AcceptanceTable.js';
import { KnowledgeEditor } from './KnowledgeEditor.js';
import { leadsOrSupervises } from '../accounts/leadAccounts.js';

/** Leads keep the KB and canned replies here; agents read them. The hub stores them and checks roles. */
export function KnowledgePanel() {
  const open = useInbox((s) => s.overlay === 'knowledge');
  return open ? <Panel /> : null;
}

function Panel() {
  const { t } = useTranslation();
  const { db } = useServices();
  const setOverlay = useInbox((s) => s.setOverlay);
  const byId = useAccounts((s) => s.byId);
  const accounts = useMemo(() => Object.values(byId), [byId]);
  const [accountId, setAccountId] = useState(() => accounts.find((a) => a.person?.role !== 'agent')?.id ?? accounts[0]?.id ?? '');
  const [kind, setKind] = useState<KbKind>('canned');
  // Besides the items: which articles agents skip (suggestion feedback, for leads), and the optional AI rewrite.
  const [view, setView] = useState<'items' | 'acceptance' | 'rewrite'>('items');
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<ArticleDraft | null>(null);
  const items = useLiveQuery(() => kbOf(db, accountId, kind), [db, accountId, kind]) ?? [];
  const needle = filter.trim().toLowerCase();
  const shown = needle ? items.filter((a) => `${a.title} ${a.body} ${a.questions.join(' ')}`.toLowerCase().includes(needle)) : items;
  const role = byId[accountId]?.person?.role;
  const canEdit = leadsOrSupervises(role);

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="kb-title" data-testid="knowledge-panel" onClick={() => setOverlay(null)}>
      <div className="overlay-panel knowledge" onClick={(e) => e.stopPropagation()}>
        <h2 id="kb-title">{t('knowledge.title')}</h2>
        {accounts.length === 0 ? (
          <p className="muted">{t('knowledge.noAccounts')}</p>
        ) : (
          <>
            <div className="kb-toolbar">
              <select aria-label={t('knowledge.account')} data-testid="kb-account" value={accountId} onChange={(e) => (setAccountId(e.target.value), setEditing(null))}>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name || a.id}
                  </option>
                ))}
              </select>
              {(['canned', 'article'] as const).map((k) => (
                <button key={k} type="button" aria-pressed={view === 'items' && kind === k} data-testid={`kb-kind-${k}`} onClick={() => (setKind(k), setEditing(null), setView('items'))}>
                  {t(k === 'canned' ? 'knowledge.canned' : 'knowledge.articles')}
                </button>
              ))}
              <button type="button" aria-pressed={view === 'acceptance'} data-testid="kb-acceptance" onClick={() => setView('acceptance')}>
                {t('feedback.acceptanceTab')}
              </button>
              <button type="button" aria-pressed={view === 'rewrite'} data-testid="kb-rewrite-settings" onClick={() => setView('rewrite')}>
                {t('rewrite.settingsOpen')}
              </button>
              <input placeholder={t('knowledge.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
              {canEdit && (
                <button type="button" data-testid="kb-new" onClick={() => setEditing(newDraft(kind))}>
                  {t('knowledge.new')}
                </button>
              )}
            </div>
            {view === 'acceptance' ? (
              <AcceptanceTable accountId={accountId} />
            ) : view === 'rewrite' ? (
              <RewriteSettingsForm />
            ) : (
              <div className="kb-body">
                <ul className="kb-list">
                  {shown.length === 0 && <li className="muted">{t('knowledge.empty')}</li>}
                  {shown.map((a) => (
                    <li key={a.id}>
                      <button type="button" data-testid="kb-item" aria-current={editing?.id === a.id} onClick={() => setEditing(draftOf(a))}>
                        <strong>{a.title}</strong>
                        <span className="muted">{a.body}</span>
                      </button>
                    </li>
                  ))}
                </ul>
                {editing ? (
                  <KnowledgeEditor key={editing.id} accountId={accountId} initial={editing} original={items.find((a) => a.id === editing.id)} canEdit={canEdit} />
                ) : (
                  <p className="muted kb-pick">{t('knowledge.pick')}</p>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
