import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';

export const NOTIFY_RULES = ['all', 'mine', 'off'] as const;
export type NotifyRule = (typeof NOTIFY_RULES)[number];

/** Per account: notify on every customer message, only in my conversations, or never. Kept in localStorage. */
export interface RulesState {
  byAccount: Record<string, NotifyRule>;
  set(accountId: string, rule: NotifyRule): void;
}

export const DEFAULT_RULE: NotifyRule = 'mine';

export const createRulesStore = () =>
  createStore<RulesState>()(
    persist(
      (set) => ({
        byAccount: {},
        set: (accountId, rule) => set((s) => ({ byAccount: { ...s.byAccount, [accountId]: rule } })),
      }),
      { name: 'workstation.notifyRules', storage: createJSONStorage(() => localStorage) },
    ),
  );

export type RulesStore = ReturnType<typeof createRulesStore>;

export const ruleFor = (state: RulesState, accountId: string): NotifyRule => state.byAccount[accountId] ?? DEFAULT_RULE;
