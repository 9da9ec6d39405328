import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/hub/events.js';
import { insertAccount } from '../store/accounts.js';
import { openDatabase, type Database } from '../store/database.js';
import { readEventsAfter, readHeadSeq, UnknownAccountError } from '../store/eventLog.js';
import { createEventBus } from './eventBus.js';
import { createJournal, MAX_GROUP, type Journal, type JournalWriter } from './journal.js';

const ACCOUNT = 'shop-a';
let db: Database;
let journal: Journal;
let published: HubEvent[];
/** Transactions begun on the store, to see records grouped. */
let transactions: number;

beforeEach(async () => {
  const store = await openDatabase(null);
  await insertAccount(store, { id: ACCOUNT, name: 'Shop A', channel: 'webchat' }, 1);
  await store.exec('CREATE TABLE notes (account_id text NOT NULL, text text PRIMARY KEY)');
  transactions = 0;
  db = { ...store, query: store.query, exec: store.exec, close: store.close, transaction: (work) => (transactions++, store.transaction(work)) };
  const bus = createEventBus();
  published = [];
  bus.subscribe(ACCOUNT, (_account, event) => void published.push(event));
  journal = createJournal({ db, bus, now: () => 1_000 });
});
afterEach(() => db.close());

/** One record: a projection row and a `kb.changed` event naming it (any event type with free data would do). */
const note = (text: string) => async ({ tx, append }: JournalWriter) => {
  await tx.query('INSERT INTO notes (account_id, text) VALUES ($1, $2)', [ACCOUNT, text]);
  const event = await append('kb.changed', { id: text, accountId: ACCOUNT, kind: 'article', title: text, body: text, questions: [], updatedAt: 1 });
  return event.seq;
};

const notes = async () => (await db.query<{ text: string }>('SELECT text FROM notes ORDER BY text')).rows.map((row) => row.text);
const loggedIds = async () => (await readEventsAfter(db, ACCOUNT, 0, 1_000)).map((event) => [event.seq, (event.data as { id: string }).id]);

it('records that queue up go in one transaction, in order, each answered with its own value after the commit', async () => {
  // Six callers at once (as 32 webhook requests in flight are): far fewer transactions than records.
  const all = Array.from({ length: 6 }, (_, i) => journal.record(ACCOUNT, note(`n${i}`)));
  expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(transactions).toBeLessThan(6);
  expect(await loggedIds()).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i + 1, `n${i}`]));
  expect(published.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(await readHeadSeq(db, ACCOUNT)).toBe(6);
});

it('a failing record fails alone: its writes are rolled back, the others of its group commit with contiguous seqs', async () => {
  const calls = journal.record(ACCOUNT, note('a'));
  const group = [
    journal.record(ACCOUNT, note('b')),
    journal.record(ACCOUNT, async (writer) => {
      await note('bad')(writer);
      throw new Error('refused');
    }),
    // A duplicate key: the store itself refuses this one.
    journal.record(ACCOUNT, note('b')),
    journal.record(ACCOUNT, note('c')),
  ];
  const settled = await Promise.allSettled([calls, ...group]);
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
  expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
  expect(await notes()).toEqual(['a', 'b', 'c']);
  expect(await loggedIds()).toEqual([
    [1, 'a'],
    [2, 'b'],
    [3, 'c'],
  ]);
  expect(published.map((event) => event.seq)).toEqual([1, 2, 3]);
});

it('a record sees what the records before it in its group wrote and logged', async () => {
  journal.record(ACCOUNT, note('x')).catch(() => undefined);
  const seen = await journal.record(ACCOUNT, async ({ tx }) => {
    const rows = await tx.query(`SELECT 1 FROM events WHERE account_id = $1 AND data->>'id' = 'x'`, [ACCOUNT]);
    return rows.rows.length;
  });
  expect(seen).toBe(1);
});

it('a long queue is split into groups of at most MAX_GROUP, still in order', async () => {
  const n = MAX_GROUP * 2 + 3;
  const seqs = await Promise.all(Array.from({ length: n }, (_, i) => journal.record(ACCOUNT, note(`m${String(i).padStart(4, '0')}`))));
  expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(transactions).toBeGreaterThanOrEqual(3);
  expect(transactions).toBeLessThan(n);
  expect(published.map((event) => event.seq)).toEqual(seqs);
});

it('records of an unknown account are refused before their work runs, and do not take the account after them down', async () => {
  let ran = false;
  const unknown = journal.record('nobody', async (writer) => {
    ran = true;
    return note('ghost')(writer);
  });
  const known = journal.record(ACCOUNT, note('real'));
  // The head lock is the only account check the per-message tables have (they have no foreign key).
  await expect(unknown).rejects.toThrow(UnknownAccountError);
  expect(ran).toBe(false);
  expect(await known).toBe(1);
  expect(await notes()).toEqual(['real']);
});
