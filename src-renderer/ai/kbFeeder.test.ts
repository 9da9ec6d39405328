import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineArticle } from '../../src-shared/ai/index.js';
import { ingestBatch } from '../db/ingest.js';
import type { WorkstationDb } from '../db/schema.js';
import { freshDb } from '../db/testing.js';
import { createAccountsStore } from '../features/accounts/accountsStore.js';
import { accountView } from '../features/accounts/testing.js';
import type { AiClient } from './aiClient.js';
import { feedKnowledge } from './kbFeeder.js';

let db: WorkstationDb;
let stop = () => {};
afterEach(async () => {
  stop();
  await db?.delete();
});

const article = (seq: number, id: string) => ({
  seq,
  type: 'kb.changed' as const,
  at: seq,
  data: { id, accountId: 'shop-a', kind: 'article' as const, title: id, body: `${id} body`, questions: [], updatedAt: seq },
});

describe('feedKnowledge', () => {
  it('feeds an account added before its KB arrives, then again when the KB is stored', async () => {
    db = freshDb();
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([]);
    const fed: Array<{ accountId: string; ids: string[] }> = [];
    const ai = { setKb: (accountId: string, articles: EngineArticle[]) => fed.push({ accountId, ids: articles.map((a) => a.id) }) } as unknown as AiClient;
    stop = feedKnowledge(db, accounts, ai);
    accounts.getState().upsert(accountView({ id: 'shop-a' }));
    await vi.waitFor(() => expect(fed).toEqual([{ accountId: 'shop-a', ids: [] }]));
    await ingestBatch(db, 'shop-a', [article(1, 'kb-ship'), article(2, 'kb-invoice')]);
    await vi.waitFor(() => expect(fed.at(-1)).toEqual({ accountId: 'shop-a', ids: ['kb-invoice', 'kb-ship'] }), { timeout: 3_000 });
  });
});
