import { Dexie } from 'dexie';
import type { Channel, HubEvent, Message } from '../../src-shared/index.js';
import { auditRowsOf } from './auditLog.js';
import { deleteMessagesOf } from './evict.js';
import type { WorkstationDb } from './schema.js';
import { queueForIndexing } from './searchBacklog.js';
import { indexCustomers } from './searchCustomers.js';
import { searchTablesOf, unindexRemoved } from './searchHygiene.js';
import { settleOutbox } from './outbox.js';
import { feedbackRowOf } from './suggestionFeedback.js';
import { applyEvent, emptyWorkingSet, idsTouched } from './workingSet.js';

export interface IngestResult {
  /** The account's cursor after this batch. */
  cursor: number;
  /** How many events were new (not already covered by the cursor). */
  applied: number;
  /** The new events themselves, in seq order (for notifications). */
  events: HubEvent[];
}

export interface IngestOptions {
  /** The account's channel, for a conversation first seen through one of its messages. */
  channel?: Channel;
}

/**
 * Stores one batch of an account's events in ONE transaction, together with the
 * account's cursor: either all of the batch and the cursor commit, or neither.
 * Events at or below the stored cursor are replays and are skipped.
 *
 * Three round trips, whatever the batch size (measured: each awaited step leaves the
 * IndexedDB backend idle while the main thread prepares the next, which cost more than
 * the writes themselves): the cursor; then the batch's new messages are added (an id
 * already stored fails alone and only those are read back: reading 500 absent ids first
 * cost ~20 % of a batch) while its conversations are read; then everything else is
 * written at once, after the events are applied in memory.
 */
export async function ingestBatch(db: WorkstationDb, accountId: string, events: readonly HubEvent[], options: IngestOptions = {}): Promise<IngestResult> {
  const result = await storeBatch(db, accountId, events, options);
  await settleOutbox(db, result.events);
  return result;
}

function storeBatch(db: WorkstationDb, accountId: string, events: readonly HubEvent[], { channel = 'webchat' }: IngestOptions): Promise<IngestResult> {
  return db.transaction('rw', [db.conversations, db.messages, db.cursors, db.kb, db.searchBacklog, db.searchCustomers, db.suggestionFeedback, db.auditLog], async () => {
    const start = (await db.cursors.get(accountId))?.seq ?? 0;
    const fresh = events.filter((e) => e.seq > start).sort((a, b) => a.seq - b.seq);
    if (fresh.length === 0) return { cursor: start, applied: 0, events: [] };

    const ids = idsTouched(fresh);
    const incoming = createdMessages(fresh);
    const others = ids.messages.filter((id) => !incoming.has(id));
    const [conversations, known, read] = await Promise.all([
      db.conversations.bulkGet(ids.conversations),
      addNew(db.messages, [...incoming.values()]),
      others.length > 0 ? db.messages.bulkGet(others) : [],
    ]);
    const stored = [...read, ...(known.length > 0 ? await db.messages.bulkGet(known) : [])];
    const set = emptyWorkingSet();
    for (const c of conversations) if (c) set.conversations.set(c.id, c);
    for (const m of stored) if (m) set.messages.set(m.id, m);
    for (const event of fresh) applyEvent(set, event, channel);

    for (const id of known) incoming.delete(id);
    const pick = <T>(map: Map<string, T>, keys: Iterable<string>) => [...keys].map((k) => map.get(k)!);
    // Messages added above are written again only if a later event of the batch changed them.
    const changed = [...set.dirtyMessages].filter((id) => set.messages.get(id) !== incoming.get(id));
    const dirtyConversations = pick(set.conversations, set.dirtyConversations);
    const feedback = fresh.flatMap((e) => (e.type === 'suggestion.feedback' ? [feedbackRowOf(accountId, e)] : []));
    const audit = auditRowsOf(accountId, fresh);
    const cursor = fresh.at(-1)!.seq;
    // Issued together, awaited once: IndexedDB runs a transaction's requests in order.
    await Promise.all([
      db.conversations.bulkPut(dirtyConversations),
      changed.length > 0 && db.messages.bulkPut(pick(set.messages, changed)),
      set.kb.size > 0 && db.kb.bulkPut([...set.kb.values()]),
      // The team's suggestion feedback (mine echoed too: the hub has it, so it is no longer pending).
      feedback.length > 0 && db.suggestionFeedback.bulkPut(feedback),
      audit.length > 0 && db.auditLog.bulkPut(audit),
      // Customer terms commit with their conversations; new messages are queued for the
      // background indexer (searchIndexer.ts), which writes their postings off this path.
      indexCustomers(db.searchCustomers, dirtyConversations, new Map(conversations.flatMap((c) => (c ? [[c.id, c] as const] : [])))),
      queueForIndexing(db.searchBacklog, [...incoming.keys()]),
      db.cursors.put({ accountId, seq: cursor, updatedAt: Date.now() }),
    ]);
    return { cursor, applied: fresh.length, events: fresh };
  });
}

/** The batch's message.created records, the first of each id, in order. */
function createdMessages(events: readonly HubEvent[]): Map<string, Message> {
  const out = new Map<string, Message>();
  for (const e of events) if (e.type === 'message.created' && !out.has(e.data.id)) out.set(e.data.id, e.data);
  return out;
}

/**
 * One bulk write clones all its rows in a single main-thread task: chunks keep each
 * task short (no long task while an agent types). Two chunks are in flight at a time,
 * so the backend stores one while the main thread clones the next.
 */
const CHUNK = 100;

/** Adds messages; returns the ids of those already stored (left as they were). */
async function addNew(table: WorkstationDb['messages'], rows: readonly Message[]): Promise<string[]> {
  const known: string[] = [];
  const add = (chunk: readonly Message[]) =>
    table.bulkAdd(chunk).catch((error: unknown) => {
      if (!(error instanceof Dexie.BulkError)) throw error;
      for (const [pos, failure] of Object.entries(error.failuresByPos)) {
        if (failure.name !== 'ConstraintError') throw failure;
        known.push(chunk[Number(pos)]!.id);
      }
    });
  let inFlight: Promise<unknown> | null = null;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const next = add(rows.slice(i, i + CHUNK));
    await inFlight;
    inFlight = next;
  }
  await inFlight;
  return known;
}

export async function readCursor(db: WorkstationDb, accountId: string): Promise<number> {
  return (await db.cursors.get(accountId))?.seq ?? 0;
}

/** Forgets an account's cached data (the account was removed), its search rows included. */
export async function forgetAccount(db: WorkstationDb, accountId: string): Promise<void> {
  await db.transaction('rw', [db.conversations, db.messages, db.cursors, db.outbox, db.drafts, db.kb, db.suggestionFeedback, db.auditLog, ...searchTablesOf(db)], async () => {
    const ids = await db.conversations.where('accountId').equals(accountId).primaryKeys();
    const messages: Message[] = [];
    for (const id of ids) messages.push(...(await deleteMessagesOf(db, id)));
    await unindexRemoved(db, messages, ids);
    await db.conversations.bulkDelete(ids);
    await db.drafts.bulkDelete(ids);
    await db.outbox.where('accountId').equals(accountId).delete();
    await db.kb.where('[accountId+kind]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).delete();
    await db.suggestionFeedback.where('[accountId+articleId]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).delete();
    await db.auditLog.where('[accountId+at]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).delete();
    await db.cursors.delete(accountId);
  });
}
