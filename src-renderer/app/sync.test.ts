// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBridge,
  ok,
  type AccountView,
  type BridgeCallName,
  type BridgePushName,
} from '../../src-shared/index.js';
import { readCursor } from '../db/ingest.js';
import type { WorkstationDb } from '../db/schema.js';
import { created, freshDb, upsert } from '../db/testing.js';
import { createAccountsStore } from '../features/accounts/accountsStore.js';
import { accountView } from '../features/accounts/testing.js';
import { startSync } from './sync.js';

/** An in-memory transport standing in for main: records calls, lets the test push. */
function fakeMain(accounts: AccountView[]) {
  const calls: Array<[BridgeCallName, unknown]> = [];
  const listeners = new Map<BridgePushName, (p: unknown) => void>();
  const bridge = createBridge({
    invoke: async (name, input) => {
      calls.push([name, input]);
      return name === 'accounts/list' ? ok(accounts) : ok({});
    },
    subscribe: (name, listener) => {
      listeners.set(name, listener);
      return () => listeners.delete(name);
    },
  });
  return { bridge, calls, push: (name: BridgePushName, payload: unknown) => listeners.get(name)?.(payload) };
}

const account = accountView();

let db: WorkstationDb;
afterEach(async () => db?.delete());

describe('startSync', () => {
  it('stores events, then reports the cursor as committed', async () => {
    db = freshDb();
    const main = fakeMain([account]);
    const sync = startSync({ bridge: main.bridge, db, accounts: createAccountsStore() });
    main.push('events/received', { accountId: 'shop-a', events: [upsert(1), created(2)] });
    await sync.settled();
    expect(await readCursor(db, 'shop-a')).toBe(2);
    expect(main.calls).toContainEqual(['events/committed', { accountId: 'shop-a', seq: 2 }]);
  });

  it('merges pushes that arrive while a batch is being stored into one transaction, in order', async () => {
    db = freshDb();
    const main = fakeMain([account]);
    const sync = startSync({ bridge: main.bridge, db, accounts: createAccountsStore() });
    main.push('events/received', { accountId: 'shop-a', events: [upsert(1)] });
    for (let seq = 2; seq <= 31; seq++) main.push('events/received', { accountId: 'shop-a', events: [created(seq, { id: `m${seq}` })] });
    await sync.settled();
    expect(await readCursor(db, 'shop-a')).toBe(31);
    expect(await db.messages.count()).toBe(30);
    // Thirty-one pushes, one merged batch: one commit, at the last seq.
    expect(main.calls.filter(([name]) => name === 'events/committed')).toEqual([['events/committed', { accountId: 'shop-a', seq: 31 }]]);
  });

  it('never merges a replayed batch with a live one: alerts see only live events as live', async () => {
    db = freshDb();
    const main = fakeMain([account]);
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([{ ...account, status: 'syncing' }]);
    const reported: Array<[number[], boolean]> = [];
    const sync = startSync({ bridge: main.bridge, db, accounts, onStored: (_id, events, live) => void reported.push([events.map((e) => e.seq), live]) });
    main.push('events/received', { accountId: 'shop-a', events: [upsert(1)] });
    main.push('events/received', { accountId: 'shop-a', events: [created(2)] });
    accounts.getState().upsert({ ...account, status: 'online' });
    main.push('events/received', { accountId: 'shop-a', events: [created(3, { id: 'm3' })] });
    await sync.settled();
    expect(reported).toEqual([
      [[1, 2], false],
      [[3], true],
    ]);
  });

  it('does not report a commit for a pure replay', async () => {
    db = freshDb();
    const main = fakeMain([account]);
    const sync = startSync({ bridge: main.bridge, db, accounts: createAccountsStore() });
    main.push('events/received', { accountId: 'shop-a', events: [upsert(1)] });
    main.push('events/received', { accountId: 'shop-a', events: [upsert(1)] });
    await sync.settled();
    expect(main.calls.filter(([name]) => name === 'events/committed')).toHaveLength(1);
  });

  it('resumes every account from the cursor this cache holds', async () => {
    db = freshDb();
    const main = fakeMain([account]);
    const accounts = createAccountsStore();
    const sync = startSync({ bridge: main.bridge, db, accounts });
    main.push('events/received', { accountId: 'shop-a', events: [upsert(1), created(2), created(3, { id: 'm3' })] });
    await sync.settled();
    await sync.refresh();
    expect(main.calls).toContainEqual(['events/resume', { accountId: 'shop-a', cursor: 3 }]);
    expect(accounts.getState().byId['shop-a']?.name).toBe('Shop A');
  });

  it('tells replayed batches from live ones by the status when they arrive', async () => {
    db = freshDb();
    const main = fakeMain([account]);
    const accounts = createAccountsStore();
    const seen: boolean[] = [];
    const sync = startSync({ bridge: main.bridge, db, accounts, onStored: (_id, _events, live) => void seen.push(live) });
    main.push('accounts/status-changed', { ...account, status: 'syncing', missed: 2 });
    main.push('events/received', { accountId: 'shop-a', events: [upsert(1), created(2)] });
    main.push('accounts/status-changed', { ...account, status: 'online' });
    main.push('events/received', { accountId: 'shop-a', events: [created(3, { id: 'm3' })] });
    await sync.settled();
    expect(seen).toEqual([false, true]);
  });

  it('forgets a removed account', async () => {
    db = freshDb();
    const main = fakeMain([account]);
    const accounts = createAccountsStore();
    const sync = startSync({ bridge: main.bridge, db, accounts });
    await sync.refresh();
    main.push('events/received', { accountId: 'shop-a', events: [upsert(1)] });
    main.push('accounts/removed', { accountId: 'shop-a' });
    await sync.settled();
    expect(await db.conversations.count()).toBe(0);
    expect(accounts.getState().byId['shop-a']).toBeUndefined();
  });
});
