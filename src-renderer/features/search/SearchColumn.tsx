import { useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import './search.css';
import { SearchBox } from './SearchBox.js';
import { SearchContext } from './searchContext.js';
import { SearchResultsList } from './SearchResultsList.js';
import { createSearchStore } from './searchStore.js';
import { useHitHighlight } from './useHitHighlight.js';

/** The inbox column with a search box on top; results replace (hide) the list while a query is typed. */
export function SearchColumn({ children }: { children: ReactNode }) {
  const [store] = useState(createSearchStore);
  const query = useStore(store, (s) => s.query);
  const focus = useStore(store, (s) => s.focus);
  useHitHighlight(focus);
  const active = query.trim() !== '';
  return (
    <SearchContext.Provider value={store}>
      <div className="search-column">
        <SearchBox />
        {active && <SearchResultsList query={query} />}
        <div className="search-column-list" hidden={active}>
          {children}
        </div>
      </div>
    </SearchContext.Provider>
  );
}
