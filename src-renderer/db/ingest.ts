import { Dexie } from 'dexie';
import type { Channel, HubEvent, Message } from '../../src-shared/index.js';
import { auditRowsOf } from './auditLog.js';
import { deleteMessagesOf } from './evict.js';
import type { WorkstationDb } from './schema.js';
import { queueForIndexing } from './searchBacklog.js';
import { indexCustomers } from './searchCustomers.js';
import { searchTablesOf, unindexRemoved } from './searchHygiene.js';
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
 * Events at or below the stored cursor are replays and are skipped. The batch is
 * read with one bulkGet per table, applied in memory, and written with one bulkPut
 * per table: per-event reads and writes would cost a round trip each.
 */
export async function ingestBatch(
  db: WorkstationDb,
  accountId: string,
  events: readonly HubEvent[],
  { channel = 'webchat' }: IngestOptions = {},
): Promise<IngestResult> {
  return db.transaction('rw', [db.conversations, db.messages, db.cursors, db.kb, db.searchBacklog, db.searchCustomers, db.suggestionFeedback, db.auditLog], async () => {
    const start = (await db.cursors.get(accountId))?.seq ?? 0;
    const fresh = events.filter((e) => e.seq > start).sort((a, b) => a.seq - b.seq);
    if (fresh.length === 0) return { cursor: start, applied: 0, events: [] };

    const ids = idsTouched(fresh);
    const set = emptyWorkingSet();
    const [conversations, messages] = await Promise.all([db.conversations.bulkGet(ids.conversations), db.messages.bulkGet(ids.messages)]);
    for (const c of conversations) if (c) set.conversations.set(c.id, c);
    for (const m of messages) if (m) set.messages.set(m.id, m);
    for (const event of fresh) applyEvent(set, event, channel);

    const pick = <T>(map: Map<string, T>, keys: Set<string>) => [...keys].map((k) => map.get(k)!);
    await db.conversations.bulkPut(pick(set.conversations, set.dirtyConversations));
    await putInChunks(pick(set.messages, set.dirtyMessages), (chunk) => db.messages.bulkPut(chunk));
    if (set.kb.size > 0) await db.kb.bulkPut([...set.kb.values()]);
    // The team's suggestion feedback (mine echoed too: the hub has it, so it is no longer pending).
    const feedback = fresh.flatMap((e) => (e.type === 'suggestion.feedback' ? [feedbackRowOf(accountId, e)] : []));
    if (feedback.length > 0) await db.suggestionFeedback.bulkPut(feedback);
    const audit = auditRowsOf(accountId, fresh);
    if (audit.length > 0) await db.auditLog.bulkPut(audit);
    // Customer terms commit with their conversations; new messages are queued for the
    // background indexer (searchIndexer.ts), which writes their postings off this path.
    const before = new Map(conversations.flatMap((c) => (c ? [[c.id, c] as const] : [])));
    await indexCustomers(db.searchCustomers, pick(set.conversations, set.dirtyConversations), before);
    const stored = new Set(messages.map((m) => m?.id));
    await queueForIndexing(db.searchBacklog, [...set.dirtyMessages].filter((id) => !stored.has(id)));
    const cursor = fresh.at(-1)!.seq;
    await db.cursors.put({ accountId, seq: cursor, updatedAt: Date.now() });
    return { cursor, applied: fresh.length, events: fresh };
  });
}

/**
 * One bulkPut clones all its rows in a single main-thread task; chunks keep each task
 * short (no long task while an agent types) inside the same transaction.
 */
const CHUNK = 100;
async function putInChunks<T>(rows: T[], put: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await put(rows.slice(i, i + CHUNK));
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
