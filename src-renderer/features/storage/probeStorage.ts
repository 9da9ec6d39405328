/** The part of `navigator.storage` the app uses; any of it may be missing (old WebViews, http). */
export interface StorageApi {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export const ASKED_KEY = 'workstation.storagePersistAsked';

/**
 * Asks once, ever, for persistent storage (the browser may then keep the cache when disk
 * runs low) and remembers the answer; later starts only read the current state.
 * null: this browser cannot make storage persistent.
 */
export async function askPersistence(api: StorageApi | undefined, memory: Pick<Storage, 'getItem' | 'setItem'>): Promise<boolean | null> {
  if (!api?.persist) return null;
  if (await api.persisted?.().catch(() => false)) return true;
  const asked = memory.getItem(ASKED_KEY);
  if (asked !== null) return api.persisted ? false : asked === 'granted';
  const granted = await api.persist().catch(() => false);
  memory.setItem(ASKED_KEY, granted ? 'granted' : 'denied');
  return granted;
}

export interface Estimate {
  usage: number | null;
  quota: number | null;
}

export async function readEstimate(api: StorageApi | undefined): Promise<Estimate> {
  const e = await api?.estimate?.().catch(() => undefined);
  return { usage: e?.usage ?? null, quota: e?.quota ?? null };
}
