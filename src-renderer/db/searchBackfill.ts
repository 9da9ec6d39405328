import type { Transaction } from 'dexie';
import type { Message } from '../../src-shared/index.js';
import type { CachedConversation } from './schema.js';
import { queueForIndexing, type BacklogRow } from './searchBacklog.js';
import { indexCustomers, type CustomerTermRow } from './searchCustomers.js';

/**
 * Schema v5's upgrade: indexes the customers cached before search existed. (It also
 * indexed their messages; v8 re-queues every message anyway, so that part is gone.)
 */
export async function backfillCustomerTerms(tx: Transaction): Promise<void> {
  const conversations = await tx.table<CachedConversation, string>('conversations').toArray();
  await indexCustomers(tx.table<CustomerTermRow>('searchCustomers'), conversations, new Map());
}

/**
 * Schema v8's upgrade: postings are now written per indexer chunk (see searchIndex.ts),
 * so the old blocks go and every cached message is queued for the background indexer,
 * oldest first (a chunk's blocks carry its newest time; time order keeps them tight).
 */
export async function requeueAllMessages(tx: Transaction): Promise<void> {
  await tx.table('searchPostings').clear();
  const byTime: Array<[number, string]> = [];
  await tx.table<Message, string>('messages').each((m) => void byTime.push([m.createdAt, m.id]));
  byTime.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  await queueForIndexing(tx.table<BacklogRow, number>('searchBacklog'), byTime.map(([, id]) => id));
}
