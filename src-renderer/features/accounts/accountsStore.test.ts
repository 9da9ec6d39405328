import { describe, expect, it } from 'vitest';
import { createAccountsStore, myIds } from './accountsStore.js';
import { accountView } from './testing.js';

const view = (id: string, personId: string | null) =>
  accountView({ id, name: id, person: personId ? { id: personId, name: personId, role: 'agent' } : null });

describe('accounts store', () => {
  it('replaces, upserts and removes', () => {
    const store = createAccountsStore();
    expect(store.getState().loaded).toBe(false);
    store.getState().replaceAll([view('a', 'alice')]);
    store.getState().upsert({ ...view('a', 'alice'), status: 'offline' });
    store.getState().upsert(view('b', null));
    expect(store.getState().byId.a?.status).toBe('offline');
    store.getState().remove('a');
    expect(Object.keys(store.getState().byId)).toEqual(['b']);
    expect(store.getState().loaded).toBe(true);
  });

  it('knows who I am on each account', () => {
    const store = createAccountsStore();
    store.getState().replaceAll([view('a', 'alice'), view('b', null)]);
    expect(myIds(store.getState())).toEqual({ a: 'alice' });
  });
});
