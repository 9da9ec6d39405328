import { createStore } from 'zustand/vanilla';
import type { Channel } from '../../../src-shared/index.js';

export const INBOX_FILTERS = ['all', 'mine', 'unassigned', 'bot', 'pending', 'resolved'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export type Overlay = 'help' | 'palette' | 'knowledge' | 'escalate' | 'dashboard' | 'botview' | 'audit' | 'deliveries' | null;

/** Narrowing on top of the filter tab: one channel, one account, or both. */
export interface InboxScope {
  channel: Channel | null;
  accountId: string | null;
}

export interface InboxState {
  filter: InboxFilter;
  scope: InboxScope;
  selectedId: string | null;
  /** The ids the list shows, in order: what j/k move through. */
  visibleIds: readonly string[];
  overlay: Overlay;
  /** A short line after a keyboard action (an error, or what happened). */
  notice: { text: string; error: boolean } | null;
  setFilter(filter: InboxFilter): void;
  setScope(scope: Partial<InboxScope>): void;
  select(id: string | null): void;
  setVisibleIds(ids: readonly string[]): void;
  setOverlay(overlay: Overlay): void;
  notify(text: string, error?: boolean): void;
  /** Moves the selection by `step` through the visible list (clamped at the ends). */
  move(step: number): void;
}

export const createInboxStore = () =>
  createStore<InboxState>()((set, get) => ({
    filter: 'all',
    scope: { channel: null, accountId: null },
    selectedId: null,
    visibleIds: [],
    overlay: null,
    notice: null,
    setFilter: (filter) => set({ filter }),
    setScope: (scope) => set((s) => ({ scope: { ...s.scope, ...scope } })),
    select: (selectedId) => set({ selectedId }),
    setVisibleIds: (visibleIds) => set({ visibleIds }),
    setOverlay: (overlay) => set({ overlay }),
    notify: (text, error = false) => set({ notice: { text, error } }),
    move: (step) => {
      const { visibleIds, selectedId } = get();
      if (visibleIds.length === 0) return;
      const index = selectedId ? visibleIds.indexOf(selectedId) : -1;
      const next = index < 0 ? (step > 0 ? 0 : visibleIds.length - 1) : Math.min(visibleIds.length - 1, Math.max(0, index + step));
      set({ selectedId: visibleIds[next] ?? null });
    },
  }));

export type InboxStore = ReturnType<typeof createInboxStore>;
