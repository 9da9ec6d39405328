import { Dexie } from 'dexie';
import type { Message } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';
import { searchTablesOf, unindexRemoved } from './searchHygiene.js';

/** What an eviction removed, for the panel and the notice. */
export interface EvictionReport {
  conversations: string[];
  messages: number;
  /** Messages cached before the eviction (the estimate of the space the cache holds). */
  totalMessages: number;
}

export interface EvictOptions {
  /** Stop once at least this many messages are gone; no limit when absent. */
  targetMessages?: number;
  /** Only conversations whose last activity is older than this (ms since epoch). */
  before?: number;
  /** Never these, e.g. the conversation on screen. */
  keep?: ReadonlySet<string>;
}

/** Deletes a conversation's messages and returns them (their text says which postings to remove). */
export async function deleteMessagesOf(db: WorkstationDb, conversationId: string): Promise<Message[]> {
  const messages = await db.messages.where('[conversationId+createdAt]').between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey]).toArray();
  await db.messages.bulkDelete(messages.map((m) => m.id));
  return messages;
}

/**
 * Removes whole resolved conversations (messages, drafts, the conversation row, their
 * search postings and customer terms),
 * least recently active first, in one transaction. Never a conversation that is not
 * resolved, and never one with outbox rows: an unsent reply is never lost to make room.
 * The outbox is in the transaction's scope so no reply can be queued meanwhile.
 */
export async function evictResolved(db: WorkstationDb, { targetMessages = Infinity, before = Infinity, keep = new Set() }: EvictOptions = {}): Promise<EvictionReport> {
  return db.transaction('rw', [db.conversations, db.messages, db.drafts, db.outbox, ...searchTablesOf(db)], async () => {
    const totalMessages = await db.messages.count();
    const pinned = new Set((await db.outbox.toArray()).map((row) => row.conversationId));
    const candidates = await db.conversations
      .where('[queueKey+lastActivityAt]')
      .between(['resolved', Dexie.minKey], ['resolved', before], true, false)
      .toArray();
    const report: EvictionReport = { conversations: [], messages: 0, totalMessages };
    const removed: Message[] = [];
    for (const c of candidates) {
      if (report.messages >= targetMessages) break;
      if (c.status !== 'resolved' || pinned.has(c.id) || keep.has(c.id)) continue;
      const messages = await deleteMessagesOf(db, c.id);
      removed.push(...messages);
      report.messages += messages.length;
      await db.conversations.delete(c.id);
      await db.drafts.delete(c.id);
      report.conversations.push(c.id);
    }
    await unindexRemoved(db, removed, report.conversations);
    return report;
  });
}

/** The quota policy: free about `fraction` of the cached messages (at least one conversation). */
export async function evictFraction(db: WorkstationDb, fraction: number, keep?: ReadonlySet<string>): Promise<EvictionReport> {
  const total = await db.messages.count();
  return evictResolved(db, { targetMessages: Math.max(1, Math.ceil(total * fraction)), keep });
}

export const DAY_MS = 86_400_000;

/** The panel's "remove resolved conversations older than N days". */
export const evictOlderThan = (db: WorkstationDb, days: number, now: number, keep?: ReadonlySet<string>) =>
  evictResolved(db, { before: now - days * DAY_MS, keep });
