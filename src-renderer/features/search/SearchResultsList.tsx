import { useTranslation } from 'react-i18next';
import { useInbox } from '../../app/services.js';
import { HitText } from './HitText.js';
import { useSearch } from './searchContext.js';
import { useSearchResults } from './useSearchResults.js';

/** Replaces the conversation list while a query is typed: customers, then messages by conversation. */
export function SearchResultsList({ query }: { query: string }) {
  const { t } = useTranslation();
  const results = useSearchResults(query);
  const select = useInbox((s) => s.select);
  const open = useSearch((s) => s.open);
  if (!results) return <p className="muted" data-testid="search-loading">{t('search.loading')}</p>;
  if (results.tooShort) return <p className="muted" data-testid="search-hint">{t('search.hint')}</p>;
  const indexing = results.unindexed > 0 && (
    <p className="muted" data-testid="search-indexing">
      {t('search.indexing', { count: results.unindexed })}
    </p>
  );
  if (results.customers.length + results.groups.length === 0) {
    return (
      <>
        {indexing}
        <p className="muted" data-testid="search-empty">{t('search.noResults', { query })}</p>
      </>
    );
  }
  return (
    <div className="search-results" data-testid="search-results">
      {indexing}
      {results.customers.length > 0 && <h3>{t('search.customers')}</h3>}
      {results.customers.map((c) => (
        <button key={c.id} type="button" className="search-result" data-testid="search-customer" onClick={() => select(c.id)}>
          <strong><HitText text={c.customer.name} query={query} /></strong>
          <span className="muted">{[c.customer.email, c.customer.phone].filter(Boolean).join(' · ')}</span>
        </button>
      ))}
      {results.groups.length > 0 && <h3>{t('search.messages')}</h3>}
      {results.groups.map((g) => {
        const hit = g.messages[0]!;
        const openHit = () => {
          open({ conversationId: g.conversationId, messageId: hit.id, text: hit.text, query });
          select(g.conversationId);
        };
        return (
          <button key={g.conversationId} type="button" className="search-result" data-testid="search-hit" data-conversation={g.conversationId} onClick={openHit}>
            <strong>{results.conversations.get(g.conversationId)?.customer.name ?? g.conversationId}</strong>
            <span className="muted"> {t('search.hits', { count: g.messages.length })}</span>
            <HitText text={hit.text} query={query} />
          </button>
        );
      })}
    </div>
  );
}
