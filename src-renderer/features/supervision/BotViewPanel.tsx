import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OverlayPanel, useOpenFromPanel } from '../../app/OverlayPanel.js';
import { useAccounts, useServices } from '../../app/services.js';
import { useNow } from '../../app/useNow.js';
import { MessageList } from '../conversation/MessageList.js';
import { useConversationCommands } from '../conversation/useConversationCommands.js';
import { formatWhy } from '../inbox/formatWhy.js';
import { botConversations } from './botConversations.js';
import { byRisk } from './botRisk.js';
import { leadAccounts } from '../accounts/leadAccounts.js';
import { OwnerBadge } from '../ownership/OwnerBadge.js';

/** The supervisors' live view of every conversation the bot is handling, riskiest first. */
export function BotViewPanel() {
  const { t } = useTranslation();
  return (
    <OverlayPanel overlay="botview" title={t('supervision.title')} testId="botview-panel" className="botview">
      <Body />
    </OverlayPanel>
  );
}

function Body() {
  const { t } = useTranslation();
  const { db } = useServices();
  const run = useConversationCommands();
  const now = useNow(5_000);
  const byId = useAccounts((s) => s.byId);
  const ids = useMemo(() => leadAccounts(byId).map((a) => a.id), [byId]);
  const loaded = useLiveQuery(() => botConversations(db, ids), [db, ids]);
  const ranked = useMemo(() => byRisk(loaded ?? [], now), [loaded, now]);
  const [picked, setPicked] = useState<string | null>(null);
  const selected = ranked.find((c) => c.id === picked) ?? ranked[0];
  const openConversation = useOpenFromPanel();

  const takeOver = async (conversationId: string) => {
    await run('takeover', conversationId);
    // Won or lost, the conversation is where the answer is: open it in the inbox.
    openConversation(conversationId);
  };

  return loaded === undefined ? (
    <p className="muted">{t('supervision.loading')}</p>
  ) : ranked.length === 0 ? (
    <p className="muted" data-testid="botview-empty">
      {t('supervision.empty')}
    </p>
  ) : (
    <div className="botview-body">
      <ol className="botview-list">
        {ranked.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`botview-row${c.id === selected?.id ? ' selected' : ''}`}
              data-testid="botview-row"
              data-conversation={c.id}
              data-risk={c.risk.score}
              aria-current={c.id === selected?.id}
              onClick={() => setPicked(c.id)}
            >
              <span className="row-top">
                <span className="customer-name">{c.customer.name}</span>
                {c.mood?.flag && <span className="mood-flag" aria-label={t('mood.flag')}>⚑</span>}
                <span className="badge badge-account">{byId[c.accountId]?.name ?? c.accountId}</span>
              </span>
              <span className="preview">{c.lastMessagePreview}</span>
              <span className="row-badges">
                {c.risk.reasons.map((r) => (
                  <span key={r} className={`badge risk-${r}`} data-testid="risk-reason">
                    {t(`supervision.risk.${r}`)}
                  </span>
                ))}
                <OwnerBadge conversation={c} />
                {c.bot && <span className="muted">{t('supervision.botTurns', { count: c.bot.turns })}</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {selected && (
        <section className="botview-transcript" data-testid="botview-transcript" data-conversation={selected.id}>
          <header>
            <strong>{selected.customer.name}</strong>
            {selected.mood?.flag && <span className="muted"> · {formatWhy(t, selected.mood.why)}</span>}
            <button type="button" className="primary" data-testid="botview-takeover" onClick={() => void takeOver(selected.id)}>
              {t('supervision.takeover')}
            </button>
          </header>
          <MessageList key={selected.id} conversationId={selected.id} />
        </section>
      )}
    </div>
  );
}
