import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_DRIVERS } from '../testing/storeDrivers.js';
import { openDatabase, type Database } from './database.js';
import { claimDelivery, releaseDelivery } from './deliveryClaims.js';

/** The same SQL on both drivers: one holder at a time, renewals, expiry, release. */
describe.each(STORE_DRIVERS)('delivery claims on $name', ({ skip, setUp }) => {
  let db: Database;
  let tearDown: () => Promise<void>;
  beforeAll(async () => {
    if (skip) return;
    const store = await setUp();
    tearDown = store.tearDown;
    db = await openDatabase(store.databaseUrl ?? null);
  });
  afterAll(async () => {
    await db?.close();
    await tearDown?.();
  });
  const key = (messageId: string) => ({ kind: 'email' as const, accountId: 'shop', messageId });

  it.skipIf(skip)('one holder at a time: the other gets it only once the claim ran out or was released', async () => {
    expect(await claimDelivery(db, key('m1'), 'node-a', 2_000, 1_000)).toBe(true);
    expect(await claimDelivery(db, key('m1'), 'node-b', 2_500, 1_500)).toBe(false);
    // The holder renews its own claim, before or after it ran out.
    expect(await claimDelivery(db, key('m1'), 'node-a', 5_000, 1_900)).toBe(true);
    expect(await claimDelivery(db, key('m1'), 'node-b', 6_000, 4_999)).toBe(false);
    // Run out (a dead node's): taken over; the old holder no longer has it.
    expect(await claimDelivery(db, key('m1'), 'node-b', 9_000, 5_001)).toBe(true);
    expect(await claimDelivery(db, key('m1'), 'node-a', 9_500, 5_002)).toBe(false);
  });

  it.skipIf(skip)('a release frees only the releaser\'s own claim; other kinds and messages are apart', async () => {
    expect(await claimDelivery(db, key('m2'), 'node-a', 10_000, 1_000)).toBe(true);
    await releaseDelivery(db, key('m2'), 'node-b');
    expect(await claimDelivery(db, key('m2'), 'node-b', 10_000, 1_000)).toBe(false);
    expect(await claimDelivery(db, { ...key('m2'), kind: 'webhook' }, 'node-b', 10_000, 1_000)).toBe(true);
    expect(await claimDelivery(db, key('m3'), 'node-b', 10_000, 1_000)).toBe(true);
    await releaseDelivery(db, key('m2'), 'node-a');
    expect(await claimDelivery(db, key('m2'), 'node-b', 10_000, 1_000)).toBe(true);
  });

  it.skipIf(skip)('two holders claiming at once: exactly one wins', async () => {
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((node) => claimDelivery(db, key('m4'), `node-${node}`, 10_000, 1_000)));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
  });
});
