import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeadLetterView, ErrorInfo, WorkstationBridge } from '../../../src-shared/index.js';

/** One account's list as last asked of the hub. */
export type AccountLetters =
  | { status: 'loading'; letters: DeadLetterView[] }
  | { status: 'ready'; letters: DeadLetterView[] }
  | { status: 'failed'; letters: DeadLetterView[]; error: ErrorInfo };

/** What became of a Retry click, shown on its row until the next refresh. */
export type RetryOutcome = { status: 'busy' } | { status: 'requeued' } | { status: 'failed'; error: ErrorInfo };

export interface DeadLetterState {
  byAccount: Record<string, AccountLetters>;
  retries: Record<string, RetryOutcome>;
  /** Asks the hub for each account's list again (keeps what is shown while it loads). */
  refresh(accountIds: readonly string[]): Promise<void>;
  retry(accountId: string, id: string): Promise<void>;
}

export type DeadLetterStore = StoreApi<DeadLetterState>;

/**
 * The leads' failed-deliveries panel: lists come from the hub on demand (they are
 * not events, so nothing is cached), and a retry's answer stays on its row so the
 * lead sees it was re-queued, or why not.
 */
export function createDeadLetterStore(bridge: Pick<WorkstationBridge, 'deliveries'>): DeadLetterStore {
  return createStore<DeadLetterState>()((set, get) => {
    const load = async (accountId: string) => {
      const shown = get().byAccount[accountId]?.letters ?? [];
      set((s) => ({ byAccount: { ...s.byAccount, [accountId]: { status: 'loading', letters: shown } } }));
      const result = await bridge.deliveries.deadLetters({ accountId });
      const next: AccountLetters = result.ok
        ? { status: 'ready', letters: result.value.deadLetters }
        : { status: 'failed', letters: shown, error: result.error };
      set((s) => ({ byAccount: { ...s.byAccount, [accountId]: next } }));
    };
    return {
      byAccount: {},
      retries: {},
      async refresh(accountIds) {
        // A refresh starts clean: old outcomes belong to rows the hub no longer lists.
        set({ retries: {} });
        await Promise.all(accountIds.map(load));
      },
      async retry(accountId, id) {
        if (get().retries[id]?.status === 'busy') return;
        const setOutcome = (outcome: RetryOutcome) => set((s) => ({ retries: { ...s.retries, [id]: outcome } }));
        setOutcome({ status: 'busy' });
        const result = await bridge.deliveries.retry({ accountId, id });
        setOutcome(result.ok ? { status: 'requeued' } : { status: 'failed', error: result.error });
      },
    };
  });
}
