import { createStore } from 'zustand/vanilla';
import type { AccountView } from '../../../src-shared/index.js';

export interface AccountsState {
  /** Loaded once from main; until then the panel shows a loading state. */
  loaded: boolean;
  byId: Record<string, AccountView>;
  replaceAll(list: AccountView[]): void;
  upsert(view: AccountView): void;
  remove(id: string): void;
}

/** Plain store (no React) so it is tested in Node; components read it through `useAccounts`. */
export const createAccountsStore = () =>
  createStore<AccountsState>()((set) => ({
    loaded: false,
    byId: {},
    replaceAll: (list) => set({ loaded: true, byId: Object.fromEntries(list.map((a) => [a.id, a])) }),
    upsert: (view) => set((s) => ({ byId: { ...s.byId, [view.id]: view } })),
    remove: (id) =>
      set((s) => {
        const { [id]: _gone, ...rest } = s.byId;
        return { byId: rest };
      }),
  }));

export type AccountsStore = ReturnType<typeof createAccountsStore>;

/** The person id this workstation acts as on each account ("mine" filter, "you" labels). */
export const myIds = (state: AccountsState): Record<string, string> =>
  Object.fromEntries(
    Object.values(state.byId).flatMap((a) => (a.person ? [[a.id, a.person.id] as const] : [])),
  );

/**
 * Calls `run` when `keyOf(state)` changes, not on every update: main pushes an account's
 * view each time its "up to date as of" moves, i.e. with live events. Readers of every
 * account that re-ran on each push cost ~40 IndexedDB reads per event in the soak.
 */
export function onAccountsChanged(accounts: AccountsStore, keyOf: (state: AccountsState) => string, run: () => void): () => void {
  let last = keyOf(accounts.getState());
  return accounts.subscribe((state) => {
    const key = keyOf(state);
    if (key === last) return;
    last = key;
    run();
  });
}

/** The accounts' ids, as a key for onAccountsChanged. */
export const accountIdsKey = (state: AccountsState) => Object.keys(state.byId).sort().join('\n');
