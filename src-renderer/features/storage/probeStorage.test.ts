import { describe, expect, it, vi } from 'vitest';
import { ASKED_KEY, askPersistence, readEstimate, type StorageApi } from './probeStorage.js';

const memory = (initial: Record<string, string> = {}) => {
  const map = new Map(Object.entries(initial));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
};

describe('askPersistence', () => {
  it.each([
    ['asks the first time and remembers a grant', { persisted: false, grant: true, asked: undefined }, true, 1, 'granted'],
    ['asks the first time and remembers a refusal', { persisted: false, grant: false, asked: undefined }, false, 1, 'denied'],
    ['does not ask again after a refusal', { persisted: false, grant: true, asked: 'denied' }, false, 0, 'denied'],
    ['does not ask when already persistent', { persisted: true, grant: true, asked: undefined }, true, 0, undefined],
  ] as const)('%s', async (_what, { persisted, grant, asked }, expected, asks, stored) => {
    const persist = vi.fn(async () => grant);
    const api: StorageApi = { persist, persisted: async () => persisted };
    const m = memory(asked ? { [ASKED_KEY]: asked } : {});
    expect(await askPersistence(api, m)).toBe(expected);
    expect(persist).toHaveBeenCalledTimes(asks);
    expect(m.map.get(ASKED_KEY)).toBe(stored);
  });

  it('says null where storage cannot be made persistent', async () => {
    expect(await askPersistence(undefined, memory())).toBeNull();
    expect(await askPersistence({}, memory())).toBeNull();
  });
});

describe('readEstimate', () => {
  it.each([
    [{ estimate: async () => ({ usage: 10, quota: 100 }) }, { usage: 10, quota: 100 }],
    [{ estimate: async () => ({}) }, { usage: null, quota: null }],
    [{ estimate: () => Promise.reject(new Error('no')) }, { usage: null, quota: null }],
    [undefined, { usage: null, quota: null }],
  ])('%#', async (api, expected) => {
    expect(await readEstimate(api)).toEqual(expected);
  });
});
