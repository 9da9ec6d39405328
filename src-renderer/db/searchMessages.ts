import type { Message } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';
import { readTail } from './searchBacklog.js';
import { PostingsReader, type Posting } from './searchPostingsReader.js';
import { matchesText, type ParsedQuery } from './searchQuery.js';

const CHECK_TEXT_BELOW = 256;
/**
 * Messages not yet indexed that a search checks itself. The indexer keeps the backlog
 * to about a second of traffic, so this is normally a handful; only after a migration
 * or a long burst is it more, and then the search says how many it could not see.
 */
export const TAIL_SCAN_IDS = 2_000;

/** Newest first; equal times by id, so the order is total. */
export const newestFirst = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export interface MessageSearch {
  /** The newest matches, at most `limit`. */
  messages: Message[];
  /** Messages still waiting for the indexer beyond the scanned tail (an upper bound): results may miss them. */
  unindexed: number;
}

/** The newest `limit` messages matching every term (see searchMessageHits). */
export async function searchMessages(db: WorkstationDb, query: ParsedQuery, limit = 50): Promise<Message[]> {
  return (await searchMessageHits(db, query, limit)).messages;
}

/**
 * Scans the unindexed tail (messages that arrived since the indexer last ran) by their
 * text and reads the index, side by side in ONE read-only transaction: the indexer moves
 * a message from the backlog to the index in one transaction, so this snapshot sees it
 * in exactly one of the two (the tail read first, then the index, cost their sum; the
 * tail's message reads were most of a query with an unindexed tail).
 */
export async function searchMessageHits(db: WorkstationDb, query: ParsedQuery, limit = 50): Promise<MessageSearch> {
  if (query.terms.length === 0) return { messages: [], unindexed: 0 };
  return db.transaction('r', [db.searchBacklog, db.messages, db.searchPostings], async () => {
    const [tail, indexed] = await Promise.all([scanTail(db, query), searchIndexed(db, query, limit)]);
    const byId = new Map([...indexed, ...tail.hits].map((m) => [m.id, m]));
    const hits = [...byId.values()];
    keepTop(hits, limit);
    return { messages: hits, unindexed: tail.more };
  });
}

/** The tail's matches (all of them: its newest need not be the newest overall). */
async function scanTail(db: WorkstationDb, query: ParsedQuery): Promise<{ hits: Message[]; more: number }> {
  const tail = await readTail(db.searchBacklog, TAIL_SCAN_IDS);
  const messages = tail.ids.length > 0 ? await db.messages.bulkGet(tail.ids) : [];
  return { hits: messages.filter((m): m is Message => m !== undefined && matchesText(m.text, query)), more: tail.more };
}

/**
 * Reads the rarest term's blocks newest first, the other terms' blocks only as far back
 * as the candidates go, and the messages table only for candidates that can still make
 * the top `limit`. Returns the indexed matches, newest first, at most `limit`.
 */
async function searchIndexed(db: WorkstationDb, query: ParsedQuery, limit: number): Promise<Message[]> {
  const hits: Message[] = [];
  const seen = new Set<string>();
  const readers = query.terms.map((t) => new PostingsReader(db.searchPostings, t));
  // Counts pick the rarest term to drive; one term needs no choice (a common term's count walks thousands of blocks).
  const counts = readers.length > 1 ? await Promise.all(readers.map((r) => r.count())) : [1];
  if (counts.some((c) => c === 0)) return hits;
  const [driver, ...others] = readers.map((r, i) => ({ r, n: counts[i]! })).sort((a, b) => a.n - b.n).map((x) => x.r);
  const kthAt = () => (hits.length >= limit ? hits[limit - 1]!.createdAt : -Infinity);
  for (let page = 8; ; page = Math.min(page * 2, 512)) {
    const postings = await driver!.next(page);
    if (postings.length > 0) {
      // Few candidates: checking their text is cheaper than reading common terms' postings.
      const narrow = postings.length > CHECK_TEXT_BELOW;
      const oldest = Math.min(...postings.map((p) => p.at));
      if (narrow) for (const o of others) await o.readDownTo(oldest);
      const fresh = postings.filter((p) => !seen.has(p.id) && p.at >= kthAt() && (!narrow || others.every((o) => o.ids.has(p.id))));
      await verify(db, dedupe(fresh, seen), query, hits, limit);
    }
    if (driver!.done || (hits.length >= limit && kthAt() > driver!.floor)) break;
  }
  return hits;
}

function dedupe(postings: Posting[], seen: Set<string>): Posting[] {
  const out = postings.filter((p) => !seen.has(p.id) && seen.add(p.id));
  return out.sort((a, b) => b.at - a.at);
}

function keepTop(hits: Message[], limit: number): void {
  hits.sort(newestFirst);
  if (hits.length > limit) hits.length = limit;
}

/**
 * Loads candidates newest first, keeps the true matches in `hits`. A posting whose
 * message is gone (removed in a transaction the index read did not see) is skipped.
 */
async function verify(db: WorkstationDb, candidates: Posting[], query: ParsedQuery, hits: Message[], limit: number) {
  for (let i = 0; i < candidates.length; i += limit) {
    const chunk = candidates.slice(i, i + limit);
    if (hits.length >= limit && chunk[0]!.at < hits[limit - 1]!.createdAt) return;
    const messages = await db.messages.bulkGet(chunk.map((p) => p.id));
    for (const m of messages) if (m && matchesText(m.text, query)) hits.push(m);
    keepTop(hits, limit);
  }
}
