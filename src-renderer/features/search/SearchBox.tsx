import { useTranslation } from 'react-i18next';
import { useSearch } from './searchContext.js';

/** The inbox column's search field; Esc clears it and returns to the list. */
export function SearchBox() {
  const { t } = useTranslation();
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const clear = useSearch((s) => s.clear);
  return (
    <div className="search-box" role="search">
      <input
        type="search"
        data-testid="search-input"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          clear();
          e.currentTarget.blur();
        }}
      />
      {query && (
        <button type="button" className="link-button" aria-label={t('search.clear')} onClick={clear}>
          ×
        </button>
      )}
    </div>
  );
}
