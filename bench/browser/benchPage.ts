/**
 * The benchmark driver page (bench.html), built by Vite next to the app's own
 * index.html so both share one origin and so one IndexedDB. It imports the
 * renderer's real database code and exposes `window.bench` for Playwright's
 * page.evaluate; every timing is taken here, in the page, with performance.now().
 */
import { Dexie } from 'dexie';
import type { HubEvent, Message } from '../../src-shared/index.js';
import { inboxKeys } from '../../src-renderer/db/inboxKeys.js';
import { ingestBatch } from '../../src-renderer/db/ingest.js';
import { DB_NAME, WorkstationDb, type CachedConversation } from '../../src-renderer/db/schema.js';
import { countInbox, queryInbox } from '../../src-renderer/features/inbox/queryInbox.js';
import { latestMessages } from '../../src-renderer/db/conversations.js';
import { generateExtraMessages, generateSeedChunk, makeCorpus, seedLayout, type CorpusOptions, type SeedPlan } from './corpus.js';

export interface LongTaskSummary {
  count: number;
  maxMs: number;
  totalMs: number;
}

export interface WriteRun {
  messages: number;
  events: number;
  batches: number;
  ms: number;
  perSecond: number;
  /** Slowest single batch (transaction), ms. */
  maxBatchMs: number;
  p95BatchMs: number;
  longTasks: LongTaskSummary;
}

export interface SeedResult {
  conversations: number;
  messages: number;
  ms: number;
  messagesPerSecond: number;
  /** The conversation ids the cold-start run opens: the newest (the big one) and a typical one. */
  big: { id: string; messages: number };
  typical: { id: string; messages: number };
  openConversations: number;
}

// Long tasks of this page, as they come.
const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => void longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

const summarizeTasks = (entries: PerformanceEntry[]): LongTaskSummary => ({
  count: entries.length,
  maxMs: Math.round(Math.max(0, ...entries.map((e) => e.duration))),
  totalMs: Math.round(entries.reduce((s, e) => s + e.duration, 0)),
});

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** Waits for the long-task observer to be called with the last tasks of a run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

let corpus: { events: HubEvent[][]; messages: Message[][]; messageCount: number; openConversations: number } | null = null;

/** Runs `write` per batch, timing the whole loop and each batch. */
async function timed(batches: number, write: (i: number) => Promise<unknown>): Promise<Omit<WriteRun, 'messages' | 'events' | 'batches'>> {
  const from = performance.now();
  const perBatch: number[] = [];
  for (let i = 0; i < batches; i++) {
    const t0 = performance.now();
    await write(i);
    perBatch.push(performance.now() - t0);
  }
  const ms = performance.now() - from;
  await settle();
  const tasks = longTasks.filter((e) => e.startTime + e.duration >= from);
  const n = corpus!.messageCount;
  return {
    ms: Math.round(ms),
    perSecond: Math.round(n / (ms / 1000)),
    maxBatchMs: Math.round(Math.max(...perBatch)),
    p95BatchMs: Math.round(percentile(perBatch, 95)),
    longTasks: summarizeTasks(tasks),
  };
}

async function ingestWith(name: string, batches: number | undefined, write: (db: WorkstationDb, events: HubEvent[]) => Promise<unknown>): Promise<WriteRun> {
  const c = corpus!;
  const n = batches ?? c.events.length;
  const db = new WorkstationDb(name);
  await db.open();
  try {
    const run = await timed(n, (i) => write(db, c.events[i]!));
    const events = c.events.slice(0, n);
    const messages = events.reduce((s, b) => s + b.filter((e) => e.type === 'message.created').length, 0);
    return { messages, events: events.reduce((s, b) => s + b.length, 0), batches: n, ...run, perSecond: Math.round(messages / (run.ms / 1000)) };
  } finally {
    db.close();
  }
}

/**
 * Seeds chunk after chunk with the next chunk generated (and cloned into its requests)
 * while IndexedDB still writes the previous one: one write in flight, the main thread
 * never idle waiting for the backend. New rows only (bulkAdd: the seed starts empty).
 */
async function pipelined<T>(chunks: readonly T[], start: (chunk: T) => { rows: number; write: Promise<unknown> }): Promise<number> {
  let rows = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  for (const chunk of chunks) {
    const next = start(chunk);
    rows += next.rows;
    await inFlight;
    inFlight = next.write;
  }
  await inFlight;
  return rows;
}

const bench = {
  /** Builds the event stream once (not timed); every write run replays the same records. */
  prepare(options: CorpusOptions): { messages: number; events: number; batches: number; openConversations: number } {
    corpus = makeCorpus(options);
    return {
      messages: corpus.messageCount,
      events: corpus.events.reduce((s, b) => s + b.length, 0),
      batches: corpus.events.length,
      openConversations: corpus.openConversations,
    };
  },

  async deleteDb(name: string): Promise<void> {
    await Dexie.delete(name);
  },

  /** The app's ingest path: `ingestBatch` per batch, one transaction each with the cursor. */
  ingest: (name: string, batches?: number) => ingestWith(name, batches, (db, events) => ingestBatch(db, 'bench-shop', events)),

  /** The floor: Dexie bulkPut of exactly the message records of each batch, nothing else. */
  async bulkPut(name: string): Promise<WriteRun> {
    const c = corpus!;
    const db = new WorkstationDb(name);
    await db.open();
    try {
      const run = await timed(c.messages.length, (i) => db.messages.bulkPut(c.messages[i]!));
      return { messages: c.messageCount, events: c.messageCount, batches: c.messages.length, ...run };
    } finally {
      db.close();
    }
  },

  /**
   * Fills the app's own database (DB_NAME) the fast way: bulkPut in big chunks through
   * WorkstationDb, conversations with their inboxKeys, as the app would have stored them.
   */
  async seed(plan: SeedPlan): Promise<SeedResult> {
    const layout = seedLayout(plan);
    const db = new WorkstationDb(DB_NAME);
    await db.open();
    const from = performance.now();
    try {
      const chunks: Array<[number, number]> = [];
      for (let start = 0; start < plan.conversations; start += layout.chunkConversations) chunks.push([start, Math.min(plan.conversations, start + layout.chunkConversations)]);
      const written = await pipelined(chunks, ([start, end]) => {
        const chunk = generateSeedChunk(plan, layout, start, end);
        const conversations: CachedConversation[] = chunk.conversations.map((c) => ({ ...c, ...inboxKeys(c) }));
        return {
          rows: chunk.messages.length,
          write: db.transaction('rw', db.conversations, db.messages, async () => {
            await Promise.all([db.conversations.bulkAdd(conversations), db.messages.bulkAdd(chunk.messages)]);
          }),
        };
      });
      const ms = performance.now() - from;
      return {
        conversations: plan.conversations,
        messages: written,
        ms: Math.round(ms),
        messagesPerSecond: Math.round(written / (ms / 1000)),
        big: { id: layout.bigId, messages: layout.countOf(0) },
        typical: { id: layout.typicalId, messages: layout.countOf(layout.typicalIndex) },
        openConversations: layout.openConversations,
      };
    } finally {
      db.close();
    }
  },

  /** Adds `perConversation` older messages to every seeded conversation, in big chunks. */
  async seedMore(plan: SeedPlan, perConversation: number, round: number): Promise<{ messages: number; ms: number; messagesPerSecond: number }> {
    const layout = seedLayout(plan);
    const db = new WorkstationDb(DB_NAME);
    await db.open();
    const from = performance.now();
    try {
      const step = Math.max(1, Math.round(plan.chunkMessages / perConversation));
      const chunks: Array<[number, number]> = [];
      for (let start = 0; start < plan.conversations; start += step) chunks.push([start, Math.min(plan.conversations, start + step)]);
      const written = await pipelined(chunks, ([start, end]) => {
        const messages = generateExtraMessages(plan, layout, start, end, perConversation, round);
        return { rows: messages.length, write: db.messages.bulkAdd(messages) };
      });
      const ms = performance.now() - from;
      return { messages: written, ms: Math.round(ms), messagesPerSecond: Math.round(written / (ms / 1000)) };
    } finally {
      db.close();
    }
  },

  /**
   * What the inbox asks IndexedDB at startup, with the app's own query functions, each
   * timed on its own right after opening the database: splits the cold start's storage part.
   */
  async startupQueries(limit: number, conversationIds: readonly string[], messagePage: number): Promise<Record<string, number>> {
    const t = performance.now();
    const db = new WorkstationDb(DB_NAME);
    await db.open();
    const out: Record<string, number> = { openMs: performance.now() - t };
    try {
      const time = async (key: string, work: () => Promise<unknown>) => {
        const s = performance.now();
        await work();
        out[key] = Math.round((performance.now() - s) * 10) / 10;
      };
      await time('queryInbox_all_ms', () => queryInbox(db, 'all', {}, limit));
      for (const f of ['all', 'mine', 'unassigned', 'resolved'] as const) await time(`countInbox_${f}_ms`, () => countInbox(db, f, {}));
      for (const id of conversationIds) await time(`latestMessages_${id}_${messagePage}_ms`, () => latestMessages(db, id, messagePage));
      await time('count_all_messages_ms', () => db.messages.count());
      out.openMs = Math.round(out.openMs! * 10) / 10;
      return out;
    } finally {
      db.close();
    }
  },

  async counts(name: string): Promise<{ conversations: number; messages: number }> {
    const db = new WorkstationDb(name);
    await db.open();
    try {
      return { conversations: await db.conversations.count(), messages: await db.messages.count() };
    } finally {
      db.close();
    }
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.title = 'bench ready';
