import { useTranslation } from 'react-i18next';
import { useInbox } from '../../app/services.js';
import { INBOX_FILTERS } from './inboxStore.js';
import { useInboxCounts } from './useInboxConversations.js';

/** `listReady`: the list has its first rows (the counts wait for them). */
export function InboxFilters({ listReady }: { listReady: boolean }) {
  const { t } = useTranslation();
  const filter = useInbox((s) => s.filter);
  const setFilter = useInbox((s) => s.setFilter);
  const counts = useInboxCounts(INBOX_FILTERS, listReady);
  return (
    <div className="inbox-filters" role="tablist" aria-label={t('inbox.title')}>
      {INBOX_FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          role="tab"
          aria-selected={filter === f}
          data-testid={`filter-${f}`}
          onClick={() => setFilter(f)}
        >
          {t(`inbox.filter.${f}`)}
          {counts && <span className="count" data-testid={`count-${f}`}>{counts[f]}</span>}
        </button>
      ))}
    </div>
  );
}
