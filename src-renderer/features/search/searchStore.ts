import { createStore } from 'zustand/vanilla';

/** The message a result opened: the conversation view scrolls to it and marks the hit. */
export interface SearchFocus {
  conversationId: string;
  messageId: string;
  text: string;
  query: string;
}

export interface SearchState {
  query: string;
  focus: SearchFocus | null;
  setQuery(query: string): void;
  open(focus: SearchFocus): void;
  /** Esc: back to the inbox list. */
  clear(): void;
}

export const createSearchStore = () =>
  createStore<SearchState>()((set) => ({
    query: '',
    focus: null,
    setQuery: (query) => set({ query }),
    open: (focus) => set({ focus }),
    clear: () => set({ query: '', focus: null }),
  }));

export type SearchStore = ReturnType<typeof createSearchStore>;
