import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useInbox } from '../../app/services.js';
import { useNow } from '../../app/useNow.js';
import { ConversationRow } from './ConversationRow.js';
import { InboxFilters } from './InboxFilters.js';
import { ScopeFilters } from './ScopeFilters.js';
import { useInboxConversations } from './useInboxConversations.js';

const ROW_HEIGHT = 76;
/** Rows read per step; the list reads more as the agent scrolls near its end. */
const PAGE = 200;

export function ConversationList() {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const conversations = useInboxConversations(limit);
  const filter = useInbox((s) => s.filter);
  const selectedId = useInbox((s) => s.selectedId);
  const select = useInbox((s) => s.select);
  const accountNames = useAccounts((s) => s.byId);
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = conversations ?? [];
  const ids = useMemo(() => rows.map((c) => c.id), [rows]);
  const setVisibleIds = useInbox((s) => s.setVisibleIds);
  useEffect(() => setVisibleIds(ids), [ids, setVisibleIds]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
  });
  const lastVisible = virtualizer.getVirtualItems().at(-1)?.index ?? 0;
  useEffect(() => {
    if (rows.length >= limit && lastVisible > rows.length - 20) setLimit((l) => l + PAGE);
  }, [lastVisible, rows.length, limit]);
  const scope = useInbox((s) => s.scope);
  useEffect(() => setLimit(PAGE), [filter, scope]);
  // Keyboard moves keep the selected row in view.
  useEffect(() => {
    const index = selectedId ? ids.indexOf(selectedId) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, ids, virtualizer]);

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t('inbox.title')}</h2>
      <InboxFilters listReady={conversations !== undefined} />
      <ScopeFilters />
      {conversations === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="inbox-empty">
          {filter === 'all' ? t('inbox.empty') : t('inbox.emptyFiltered')}
        </p>
      ) : (
        <div ref={scroller} className="inbox-scroller" data-testid="conversation-list">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const c = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  className="virtual-row"
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                >
                  <ConversationRow
                    conversation={c}
                    accountName={accountNames[c.accountId]?.name ?? c.accountId}
                    selected={c.id === selectedId}
                    now={now}
                    onOpen={select}
                  />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
