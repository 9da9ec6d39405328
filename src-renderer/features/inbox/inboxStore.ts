import { createStore } from 'zustand/vanilla';

export const INBOX_FILTERS = ['all', 'mine', 'unassigned', 'resolved'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export interface InboxState {
  filter: InboxFilter;
  selectedId: string | null;
  setFilter(filter: InboxFilter): void;
  select(id: string | null): void;
}

export const createInboxStore = () =>
  createStore<InboxState>()((set) => ({
    filter: 'all',
    selectedId: null,
    setFilter: (filter) => set({ filter }),
    select: (selectedId) => set({ selectedId }),
  }));

export type InboxStore = ReturnType<typeof createInboxStore>;
