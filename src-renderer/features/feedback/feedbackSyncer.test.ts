import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, err, ok, type AccountView, type ErrorCode } from '../../../src-shared/index.js';
import type { WorkstationDb } from '../../db/schema.js';
import { recordFeedback, type SuggestionFeedbackRow } from '../../db/suggestionFeedback.js';
import { freshDb } from '../../db/testing.js';
import { createAccountsStore } from '../accounts/accountsStore.js';
import { accountView } from '../accounts/testing.js';
import { startFeedbackSync, type FeedbackSync } from './feedbackSyncer.js';

/** Stands in for main + hub: idempotent on clientId like the real hub; fails on demand. */
function fakeHub() {
  const received = new Map<string, unknown>();
  const failures: ErrorCode[] = [];
  const state = { down: null as ErrorCode | null, calls: 0 };
  let loseNextAck = false;
  const bridge = createBridge({
    invoke: async (name, input) => {
      if (name !== 'suggestions/feedback') return ok({});
      state.calls++;
      const failure = state.down ?? failures.shift();
      if (failure) return err(failure, `hub said ${failure}`);
      const { clientId } = input as { clientId: string };
      const duplicate = received.has(clientId);
      received.set(clientId, input);
      if (loseNextAck) return (loseNextAck = false), err('timeout', 'ack lost');
      return ok({ duplicate });
    },
    subscribe: () => () => {},
  });
  return { bridge, received, failures, state, loseAck: () => (loseNextAck = true) };
}

const row = (n: number, over: Partial<SuggestionFeedbackRow> = {}): SuggestionFeedbackRow => ({
  clientId: `client-fb-${n}`,
  accountId: 'shop-a',
  conversationId: 'c1',
  messageId: 'm1',
  articleId: `k${n}`,
  rank: 1,
  action: 'inserted',
  vote: null,
  byId: 'alice',
  at: n,
  pending: 1,
  ...over,
});

const view = (status: AccountView['status']) => accountView({ status });
const pendingOf = async () => (await db.suggestionFeedback.toArray()).map((r) => [r.clientId, r.pending]);
const logged: string[] = [];

let db: WorkstationDb;
let sync: FeedbackSync | undefined;
afterEach(async () => {
  sync?.stop();
  logged.length = 0;
  await db?.delete();
});

function start(status: AccountView['status'], hub = fakeHub()) {
  db = freshDb();
  const accounts = createAccountsStore();
  accounts.getState().replaceAll([view(status)]);
  sync = startFeedbackSync({ db, bridge: hub.bridge, accounts, retryMs: 60_000, log: (l) => logged.push(l) });
  return { hub, accounts, sync };
}

describe('feedback sync', () => {
  it('keeps rows while offline and sends them, marked synced, when the account comes online', async () => {
    const { hub, accounts, sync } = start('offline');
    await recordFeedback(db, [row(1), row(2, { action: 'ignored', vote: 'down', rank: 2 })]);
    await sync.kick();
    expect(hub.received.size).toBe(0);
    expect(await pendingOf()).toEqual([['client-fb-1', 1], ['client-fb-2', 1]]);

    accounts.getState().upsert(view('online'));
    await sync.idle();
    expect(await pendingOf()).toEqual([['client-fb-1', 0], ['client-fb-2', 0]]);
    expect(hub.received.get('client-fb-2')).toEqual({
      accountId: 'shop-a', clientId: 'client-fb-2', conversationId: 'c1', messageId: 'm1', articleId: 'k2', rank: 2, action: 'ignored', vote: 'down',
    });
  });

  it('sends a row as soon as it is recorded, without being told', async () => {
    const { hub } = start('online');
    await recordFeedback(db, [row(1)]);
    await expect.poll(() => hub.received.size).toBe(1);
    await expect.poll(pendingOf).toEqual([['client-fb-1', 0]]);
  });

  it.each(['offline', 'timeout'] as const)('keeps a row while the hub answers %s, and sends it once that passes', async (code) => {
    const { hub, sync } = start('online');
    hub.state.down = code;
    await recordFeedback(db, [row(1)]);
    await sync.kick();
    await sync.kick();
    expect(hub.state.calls).toBeGreaterThanOrEqual(2);
    expect(await pendingOf()).toEqual([['client-fb-1', 1]]);
    hub.state.down = null;
    await sync.kick();
    await sync.idle();
    expect(await pendingOf()).toEqual([['client-fb-1', 0]]);
  });

  it('sends again after a lost ack and counts the hub’s duplicate as done', async () => {
    const { hub, sync } = start('online');
    hub.loseAck();
    await recordFeedback(db, [row(1)]);
    await expect.poll(() => hub.received.size).toBe(1);
    await sync.kick();
    await sync.idle();
    expect(await pendingOf()).toEqual([['client-fb-1', 0]]);
    expect(hub.state.calls).toBe(2); // the first ack was lost; the replay was the hub's duplicate
    expect(hub.received.size).toBe(1);
  });

  it('drops a row the hub refuses for good (the article was deleted) and says why', async () => {
    const { hub, sync } = start('online');
    await sync.idle();
    hub.failures.push('not-found');
    await recordFeedback(db, [row(1)]);
    await sync.kick();
    await sync.idle();
    expect(await db.suggestionFeedback.count()).toBe(0);
    expect(logged).toEqual([expect.stringMatching(/client-fb-1 \(article k1\): not-found/)]);
  });

  it('leaves the team’s rows (already on the hub) alone', async () => {
    const { hub, sync } = start('online');
    await recordFeedback(db, [row(1, { pending: 0, byId: 'bob' })]);
    await sync.kick();
    expect(hub.received.size).toBe(0);
  });
});
