import type { Table } from 'dexie';
import type { Message } from '../../src-shared/index.js';
import { termsOf } from './searchText.js';

/**
 * One postings block: the messages of one write (an ingest batch, a back-fill chunk)
 * that contain `term`. Keyed [term+at+block], `at` the newest message in the block, so
 * a term's blocks read newest first, and a batch writes one row per distinct term
 * rather than one per (term, message).
 */
export interface PostingBlock {
  term: string;
  at: number;
  /** Unique per term: the id of the write's first message. */
  block: string;
  ids: string[];
  times: number[];
}

export const POSTINGS_STORE = '[term+at+block]';

/** The postings blocks for one write of messages (pure: tested without a database). */
export function blocksFor(messages: readonly Message[]): PostingBlock[] {
  if (messages.length === 0) return [];
  const block = messages[0]!.id;
  const byTerm = new Map<string, PostingBlock>();
  for (const m of messages) {
    for (const term of termsOf(m.text)) {
      let row = byTerm.get(term);
      if (!row) byTerm.set(term, (row = { term, at: m.createdAt, block, ids: [], times: [] }));
      row.ids.push(m.id);
      row.times.push(m.createdAt);
      if (m.createdAt > row.at) row.at = m.createdAt;
    }
  }
  return [...byTerm.values()];
}

const CHUNK = 500;
/** Writes the postings of `messages`; call inside the transaction that stores them. */
export async function indexMessages(postings: Table<PostingBlock>, messages: readonly Message[]): Promise<void> {
  const blocks = blocksFor(messages);
  for (let i = 0; i < blocks.length; i += CHUNK) await postings.bulkPut(blocks.slice(i, i + CHUNK));
}
