import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, err, ok, type AccountView, type ErrorCode, type Message } from '../../../src-shared/index.js';
import { enqueueEscalation, enqueueReply, outboxOf, retryReply } from '../../db/outbox.js';
import type { WorkstationDb } from '../../db/schema.js';
import { freshDb, message } from '../../db/testing.js';
import { createAccountsStore } from '../accounts/accountsStore.js';
import { accountView } from '../accounts/testing.js';
import { startOutbox, type Outbox } from './outboxSender.js';

/** Stands in for main + hub: idempotent on clientId like the real hub; can fail on demand. */
function fakeHub() {
  const posted: Message[] = [];
  const byClientId = new Map<string, Message>();
  const failures: ErrorCode[] = [];
  let loseNextAck = false;
  const calls: string[] = [];
  const escalations: unknown[] = [];
  const escalateFailures: ErrorCode[] = [];
  const bridge = createBridge({
    invoke: async (name, input) => {
      calls.push(name);
      if (name === 'conversations/escalate') {
        const failure = escalateFailures.shift();
        if (failure) return err(failure, `hub said ${failure}`);
        escalations.push(input);
        return ok({ queue: 'tier2', servedBy: 0 });
      }
      if (name !== 'conversations/send' && name !== 'conversations/note') return ok({});
      const { clientId, conversationId, text } = input as { clientId: string; conversationId: string; text: string };
      const failure = failures.shift();
      if (failure) return err(failure, `hub said ${failure}`);
      const existing = byClientId.get(clientId);
      const msg = existing ?? message({ id: `m${posted.length + 1}`, clientId, conversationId, text, author: { kind: 'agent', id: 'alice', name: 'Alice' } });
      if (!existing) {
        byClientId.set(clientId, msg);
        posted.push(msg);
      }
      if (loseNextAck) {
        loseNextAck = false;
        return err('timeout', 'ack lost');
      }
      return ok({ message: msg, duplicate: Boolean(existing) });
    },
    subscribe: () => () => {},
  });
  return { bridge, posted, calls, escalations, escalateFailures, failures, loseAck: () => (loseNextAck = true) };
}

const view = (status: AccountView['status']) => accountView({ name: 'A', person: null, status, hubUrl: 'http://127.0.0.1:1' });

let db: WorkstationDb;
let outbox: Outbox | undefined;
afterEach(async () => {
  outbox?.stop();
  await db?.delete();
});

const reply = (n: number, conversationId = 'c1') =>
  enqueueReply(db, { clientId: `client-${conversationId}-${n}`, accountId: 'shop-a', conversationId, text: `reply ${n}` }, n);

describe('outbox', () => {
  it('holds replies while offline and sends them in order, once each, when the account comes online', async () => {
    db = freshDb();
    const hub = fakeHub();
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([view('offline')]);
    outbox = startOutbox({ db, bridge: hub.bridge, accounts, retryMs: 60_000 });
    for (const n of [1, 2, 3]) await reply(n);
    await outbox.kick();
    expect(hub.posted).toHaveLength(0);

    accounts.getState().upsert(view('online')); // coming online is what kicks the sender
    await outbox.idle();
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 1', 'reply 2', 'reply 3']);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.count()).toBe(3);
  });

  it('replays with the same client id after a lost ack, so the hub keeps one copy', async () => {
    db = freshDb();
    const hub = fakeHub();
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([view('online')]);
    await reply(1);
    hub.loseAck();
    outbox = startOutbox({ db, bridge: hub.bridge, accounts, retryMs: 60_000 });
    await outbox.idle();
    expect(await db.outbox.count()).toBe(1); // not acknowledged: still queued
    await outbox.kick();
    expect(hub.posted).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.messages.toArray()).map((m) => m.clientId)).toEqual(['client-c1-1']);
  });

  it('marks a refused reply failed with the reason, holds its successors, and lets other conversations go', async () => {
    db = freshDb();
    const hub = fakeHub();
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([view('online')]);
    await reply(1, 'c1');
    await reply(2, 'c1');
    await reply(3, 'c2');
    hub.failures.push('conflict');
    outbox = startOutbox({ db, bridge: hub.bridge, accounts, retryMs: 60_000 });
    await outbox.idle();
    const c1 = await outboxOf(db, 'c1');
    expect(c1.map((r) => [r.text, r.state, r.error?.code ?? null])).toEqual([
      ['reply 1', 'failed', 'conflict'],
      ['reply 2', 'queued', null],
    ]);
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 3']);

    await retryReply(db, c1[0]!.clientId);
    await outbox.kick();
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 3', 'reply 1', 'reply 2']);
  });

  it('keeps a reply queued through transient errors and sends it on a later try', async () => {
    db = freshDb();
    const hub = fakeHub();
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([view('online')]);
    await reply(1);
    hub.failures.push('offline', 'timeout');
    outbox = startOutbox({ db, bridge: hub.bridge, accounts, retryMs: 60_000 });
    await outbox.idle();
    await outbox.kick();
    expect((await db.outbox.toArray()).map((r) => [r.state, r.attempts])).toEqual([['queued', 2]]);
    await outbox.kick();
    expect(hub.posted).toHaveLength(1);
  });

  it('sends what a previous run left in the outbox (app restart)', async () => {
    db = freshDb();
    const hub = fakeHub();
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([view('online')]);
    await reply(1);
    await reply(2);
    outbox = startOutbox({ db, bridge: hub.bridge, accounts, retryMs: 60_000 });
    await outbox.idle();
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 1', 'reply 2']);
  });

  it('sends a private note as a note, in order with the replies', async () => {
    db = freshDb();
    const hub = fakeHub();
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([view('online')]);
    await reply(1);
    await enqueueReply(db, { clientId: 'client-note-1', accountId: 'shop-a', conversationId: 'c1', text: 'VIP 顾客', kind: 'note' }, 2);
    outbox = startOutbox({ db, bridge: hub.bridge, accounts, retryMs: 60_000 });
    await outbox.idle();
    expect(hub.calls).toEqual(['conversations/send', 'conversations/note']);
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 1', 'VIP 顾客']);
  });

  it('holds an escalation written offline, then sends it once with its client id and summary, after the replies before it', async () => {
    db = freshDb();
    const hub = fakeHub();
    const accounts = createAccountsStore();
    accounts.getState().replaceAll([view('offline')]);
    await reply(1);
    await db.drafts.put({ conversationId: 'c1', text: 'still typing', updatedAt: 1 });
    await enqueueEscalation(db, { clientId: 'client-esc-1', accountId: 'shop-a', conversationId: 'c1', reason: '退款超权限', target: 'tier2', summary: '客户：退款三天未到账' }, 2);
    expect(await db.drafts.get('c1')).toBeDefined(); // an escalation leaves the draft alone
    const landed: Array<[string, number | undefined]> = [];
    outbox = startOutbox({ db, bridge: hub.bridge, accounts, retryMs: 60_000, onEscalated: (row, servedBy) => landed.push([row.clientId, servedBy]) });
    hub.escalateFailures.push('timeout'); // the link dropped again mid-send: tried again, still once
    accounts.getState().upsert(view('online'));
    await outbox.idle();
    await outbox.kick();
    expect(hub.calls).toEqual(['conversations/send', 'conversations/escalate', 'conversations/escalate']);
    expect(hub.escalations).toEqual([
      { accountId: 'shop-a', conversationId: 'c1', clientId: 'client-esc-1', reason: '退款超权限', target: 'tier2', summary: '客户：退款三天未到账' },
    ]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.count()).toBe(1); // the reply; the escalation's record arrives through the log
    // Said once, when it landed, with who serves its queue (nobody here).
    expect(landed).toEqual([['client-esc-1', 0]]);
  });

  it('clears the draft of the conversation when a reply is queued', async () => {
    db = freshDb();
    await db.drafts.put({ conversationId: 'c1', text: 'half a thought', updatedAt: 1 });
    await reply(1);
    expect(await db.drafts.get('c1')).toBeUndefined();
  });
});
