import type { Message } from '../../src-shared/index.js';
import { termsOf } from './searchText.js';

/**
 * One postings block: the messages of one indexer chunk that contain `term`. Keyed
 * [term+at+block], `at` the newest message of the whole chunk, so a term's blocks read
 * newest first, a chunk writes one row per distinct term rather than one per
 * (term, message), and the key of any term's block of a chunk is known from the chunk
 * alone (what lets eviction remove a message's postings with point reads).
 */
export interface PostingBlock {
  term: string;
  at: number;
  /** Unique per term: the chunk's block name (see blockOf). */
  block: string;
  ids: string[];
  times: number[];
}

export const POSTINGS_STORE = '[term+at+block]';

/**
 * What one indexer chunk covered: the block name and `at` its postings carry, and its
 * message ids (multi-entry index: which chunk holds a message, for eviction).
 */
export interface ChunkRow {
  /** The key of the chunk's first backlog row (the key generator never reuses one). */
  seq: number;
  at: number;
  ids: string[];
}
export const CHUNKS_STORE = 'seq, *ids';

/** A chunk's block name; `#` keeps it apart from the message-id names of schema v5's blocks. */
export const blockOf = (seq: number) => `#${seq}`;

/** The newest message time of a chunk (every block of the chunk carries it). */
export const chunkAt = (messages: readonly Message[]) => messages.reduce((at, m) => Math.max(at, m.createdAt), -Infinity);

/**
 * Builds one chunk's postings blocks message by message, so the indexer can hand the main
 * thread back between slices of a chunk (the term work of 500 messages is one long task
 * on a busy machine).
 */
export function postingsOf(block: string, at: number) {
  const byTerm = new Map<string, PostingBlock>();
  return {
    add(m: Message) {
      for (const term of termsOf(m.text)) {
        let row = byTerm.get(term);
        if (!row) byTerm.set(term, (row = { term, at, block, ids: [], times: [] }));
        row.ids.push(m.id);
        row.times.push(m.createdAt);
      }
    },
    blocks: (): PostingBlock[] => [...byTerm.values()],
  };
}
