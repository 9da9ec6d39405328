import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';

/**
 * all: every customer message; mine: in my conversations; mentions: only notes that
 * name me (@name); off: nothing. A conversation handed to me and a note that names me
 * alert under every rule but off.
 */
export const NOTIFY_RULES = ['all', 'mine', 'mentions', 'off'] as const;
export type NotifyRule = (typeof NOTIFY_RULES)[number];

/** Per account, and per queue of an account where a queue needs its own rule. Kept in localStorage. */
export interface RulesState {
  byAccount: Record<string, NotifyRule>;
  /** `<accountId>/<queue>` → rule; absent: the account's rule applies. */
  byQueue: Record<string, NotifyRule>;
  set(accountId: string, rule: NotifyRule): void;
  /** `null` drops the queue's own rule (back to the account's). */
  setQueue(accountId: string, queue: string, rule: NotifyRule | null): void;
}

export const DEFAULT_RULE: NotifyRule = 'mine';

const queueKey = (accountId: string, queue: string) => `${accountId}/${queue}`;

export const createRulesStore = () =>
  createStore<RulesState>()(
    persist(
      (set) => ({
        byAccount: {},
        byQueue: {},
        set: (accountId, rule) => set((s) => ({ byAccount: { ...s.byAccount, [accountId]: rule } })),
        setQueue: (accountId, queue, rule) =>
          set((s) => {
            const byQueue = { ...s.byQueue };
            if (rule === null) delete byQueue[queueKey(accountId, queue)];
            else byQueue[queueKey(accountId, queue)] = rule;
            return { byQueue };
          }),
      }),
      // Version 1 added byQueue: stored state from before merges in with none.
      { name: 'workstation.notifyRules', version: 1, storage: createJSONStorage(() => localStorage), migrate: (old) => ({ byQueue: {}, ...(old as object) }) as RulesState },
    ),
  );

export type RulesStore = ReturnType<typeof createRulesStore>;

/** The queue's own rule if it has one, else the account's. */
export const ruleFor = (state: RulesState, accountId: string, queue?: string): NotifyRule =>
  (queue !== undefined ? state.byQueue[queueKey(accountId, queue)] : undefined) ?? state.byAccount[accountId] ?? DEFAULT_RULE;

/** The queue's own rule, or null when it follows the account. */
export const ownQueueRule = (state: RulesState, accountId: string, queue: string): NotifyRule | null => state.byQueue[queueKey(accountId, queue)] ?? null;
