import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SearchState, SearchStore } from './searchStore.js';

export const SearchContext = createContext<SearchStore | null>(null);

export function useSearch<T>(selector: (s: SearchState) => T): T {
  const store = useContext(SearchContext);
  if (!store) throw new Error('useSearch outside SearchColumn');
  return useStore(store, selector);
}
