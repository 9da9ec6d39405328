// First: Dexie reads the IndexedDB globals when it loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inboxKeys } from './inboxKeys.js';
import { oneAtATime, onTablesChanged } from './onChanges.js';
import type { WorkstationDb } from './schema.js';
import { conversation, freshDb, message } from './testing.js';

let db: WorkstationDb;
let stop = () => {};
afterEach(async () => {
  stop();
  await db?.delete();
});

const putConversation = (i: number) => db.conversations.put({ ...conversation({ id: `c${i}`, lastActivityAt: i }), ...inboxKeys(conversation({ id: `c${i}`, lastActivityAt: i })), unread: 0 });

describe('onTablesChanged', () => {
  it('reads at once, then once per burst of commits, and last after the last commit', async () => {
    db = freshDb();
    await db.open();
    const seen: number[] = [];
    const read = vi.fn(async () => void seen.push(await db.conversations.count()));
    stop = onTablesChanged(db, ['conversations'], read, 200);
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    for (let i = 0; i < 20; i++) await putConversation(i);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(20), { timeout: 2_000, interval: 20 });
    // 20 commits within a few hundred ms: a handful of reads, not twenty.
    expect(read.mock.calls.length).toBeLessThan(8);
  });

  it('ignores writes to other tables', async () => {
    db = freshDb();
    await db.open();
    const read = vi.fn(async () => {});
    stop = onTablesChanged(db, ['conversations'], read, 10);
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    await db.messages.bulkPut([message({ id: 'm1' }), message({ id: 'm2' })]);
    await putConversation(1);
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('never runs two reads at once, and reads again after a change made during one', async () => {
    db = freshDb();
    await db.open();
    let inFlight = 0;
    let most = 0;
    let release = () => {};
    const read = vi.fn(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise<void>((r) => (release = r));
      inFlight--;
    });
    stop = onTablesChanged(db, ['conversations'], read, 0);
    await putConversation(1);
    await putConversation(2);
    release();
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2));
    release();
    await new Promise((r) => setTimeout(r, 30));
    expect(read).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it('backs off while changes keep coming, and reads at once again after a quiet spell', async () => {
    db = freshDb();
    await db.open();
    const at: number[] = [];
    const read = vi.fn(async () => void at.push(performance.now()));
    stop = onTablesChanged(db, ['conversations'], read, 40, 320);
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    const from = performance.now();
    for (let i = 0; performance.now() - from < 1_500; i++) {
      await putConversation(i);
      await new Promise((r) => setTimeout(r, 5));
    }
    const during = read.mock.calls.length - 1;
    // At a fixed 40 ms that would be ~37 reads; doubling to 320 ms leaves well under half.
    expect(during).toBeLessThan(15);
    await new Promise((r) => setTimeout(r, 800));
    const before = read.mock.calls.length;
    const changedAt = performance.now();
    await putConversation(999);
    await vi.waitFor(() => expect(read.mock.calls.length).toBe(before + 1));
    expect(at.at(-1)! - changedAt).toBeLessThan(40);
  });
});

describe('oneAtATime', () => {
  it('starts each call after the previous one settled, in call order, even after a failure', async () => {
    const log: string[] = [];
    let n = 0;
    const run = oneAtATime(async () => {
      const i = ++n;
      log.push(`start ${i}`);
      await new Promise((resolve) => setTimeout(resolve, i === 1 ? 20 : 1));
      log.push(`end ${i}`);
      if (i === 2) throw new Error('boom');
    });
    const calls = [run(), run(), run()];
    await expect(calls[1]).rejects.toThrow('boom');
    await Promise.all([calls[0], calls[2]]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });
});
