import type { Transaction } from 'dexie';
import type { Message } from '../../src-shared/index.js';
import type { CachedConversation } from './schema.js';
import { indexCustomers, type CustomerTermRow } from './searchCustomers.js';
import { indexMessages, type PostingBlock } from './searchIndex.js';

const PAGE = 2_000;

/** Schema v5's upgrade: indexes every message and customer cached before search existed. */
export async function backfillSearch(tx: Transaction): Promise<void> {
  const messages = tx.table<Message, string>('messages');
  const postings = tx.table<PostingBlock>('searchPostings');
  for (let page = await messages.limit(PAGE).toArray(); page.length > 0; ) {
    await indexMessages(postings, page);
    if (page.length < PAGE) break;
    page = await messages.where(':id').above(page.at(-1)!.id).limit(PAGE).toArray();
  }
  const conversations = await tx.table<CachedConversation, string>('conversations').toArray();
  await indexCustomers(tx.table<CustomerTermRow>('searchCustomers'), conversations, new Map());
}
