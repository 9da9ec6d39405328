import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/index.js';
import { latestAudit } from './auditLog.js';
import { forgetAccount, ingestBatch } from './ingest.js';
import type { WorkstationDb } from './schema.js';
import { freshDb } from './testing.js';

const audit = (seq: number, action: 'takeover' | 'escalate', at: number): HubEvent => ({
  seq,
  type: 'audit.entry',
  at,
  data: { id: `a${seq}`, action, actorId: 'sue', actorName: '苏主管', conversationId: 'c1', detail: 'from the bot', at },
});

let db: WorkstationDb;
afterEach(async () => db?.delete());

describe('audit log cache', () => {
  it('stores audit entries with their batch and lists them newest first across accounts', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [audit(1, 'takeover', 10), audit(2, 'escalate', 30)]);
    await ingestBatch(db, 'shop-b', [audit(1, 'escalate', 20)]);
    const rows = await latestAudit(db, ['shop-a', 'shop-b']);
    expect(rows.map((r) => [r.accountId, r.action, r.at])).toEqual([
      ['shop-a', 'escalate', 30],
      ['shop-b', 'escalate', 20],
      ['shop-a', 'takeover', 10],
    ]);
    // A replayed batch (at or below the cursor) adds nothing.
    await ingestBatch(db, 'shop-a', [audit(2, 'escalate', 30)]);
    expect(await db.auditLog.count()).toBe(3);
  });

  it('forgets an account’s entries with the account', async () => {
    db = freshDb();
    await ingestBatch(db, 'shop-a', [audit(1, 'takeover', 10)]);
    await ingestBatch(db, 'shop-b', [audit(1, 'takeover', 10)]);
    await forgetAccount(db, 'shop-a');
    expect((await db.auditLog.toArray()).map((r) => r.accountId)).toEqual(['shop-b']);
  });
});
