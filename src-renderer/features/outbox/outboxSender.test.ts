import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, err, ok, type AccountView, type ErrorCode, type Message } from '../../../src-shared/index.js';
import { base64ToBytes } from '../../../src-shared/bridge/base64.js';
import { IMAGE_SAMPLES } from '../../../src-shared/domain/imageSamples.js';
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
  const uploads: Array<{ name: string; data: string }> = [];
  const uploadFailures: ErrorCode[] = [];
  const bridge = createBridge({
    invoke: async (name, input) => {
      calls.push(name);
      if (name === 'attachments/upload') {
        const failure = uploadFailures.shift();
        if (failure) return err(failure, `hub said ${failure}`);
        const { name: fileName, data, mime } = input as { name: string; data: string; mime: string };
        uploads.push({ name: fileName, data });
        // Content-addressed like the hub: the id depends on the bytes only.
        const id = [...data].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(16).padStart(64, '0');
        return ok({ id, kind: 'image', mime, size: data.length, name: fileName });
      }
      if (name === 'conversations/escalate') {
        const failure = escalateFailures.shift();
        if (failure) return err(failure, `hub said ${failure}`);
        escalations.push(input);
        return ok({ queue: 'tier2', servedBy: 0 });
      }
      if (name !== 'conversations/send' && name !== 'conversations/note') return ok({});
      const { clientId, conversationId, text, attachments } = input as { clientId: string; conversationId: string; text: string; attachments?: Array<{ id: string; name: string }> };
      const failure = failures.shift();
      if (failure) return err(failure, `hub said ${failure}`);
      const existing = byClientId.get(clientId);
      const images = attachments?.map((a) => ({ ...a, kind: 'image' as const, mime: 'image/png' as const, size: 68 }));
      const msg =
        existing ??
        message({ id: `m${posted.length + 1}`, clientId, conversationId, text, author: { kind: 'agent', id: 'alice', name: 'Alice' }, ...(images ? { attachments: images } : {}) });
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
  return { bridge, posted, calls, escalations, escalateFailures, failures, uploads, uploadFailures, loseAck: () => (loseNextAck = true) };
}

const view = (status: AccountView['status']) => accountView({ name: 'A', person: null, status, hubUrl: 'http://127.0.0.1:1' });

let db: WorkstationDb;
let outbox: Outbox | undefined;
afterEach(async () => {
  outbox?.stop();
  await db?.delete();
});

/** A fresh cache, the fake hub and the account in `status`; `start` starts the outbox (some tests write rows first). */
function rig(status: AccountView['status']) {
  db = freshDb();
  const hub = fakeHub();
  const accounts = createAccountsStore();
  accounts.getState().replaceAll([view(status)]);
  const start = (options: Partial<Parameters<typeof startOutbox>[0]> = {}) => (outbox = startOutbox({ db, bridge: hub.bridge, accounts, retryMs: 60_000, ...options }));
  return { hub, accounts, start };
}

const reply = (n: number, conversationId = 'c1') =>
  enqueueReply(db, { clientId: `client-${conversationId}-${n}`, accountId: 'shop-a', conversationId, text: `reply ${n}` }, n);

describe('outbox', () => {
  it('holds replies while offline and sends them in order, once each, when the account comes online', async () => {
    const { hub, accounts, start } = rig('offline');
    const sender = start();
    for (const n of [1, 2, 3]) await reply(n);
    await sender.kick();
    expect(hub.posted).toHaveLength(0);

    accounts.getState().upsert(view('online')); // coming online is what kicks the sender
    await sender.idle();
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 1', 'reply 2', 'reply 3']);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.messages.count()).toBe(3);
  });

  it('replays with the same client id after a lost ack, so the hub keeps one copy', async () => {
    const { hub, start } = rig('online');
    await reply(1);
    hub.loseAck();
    const sender = start();
    await sender.idle();
    expect(await db.outbox.count()).toBe(1); // not acknowledged: still queued
    await sender.kick();
    expect(hub.posted).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.messages.toArray()).map((m) => m.clientId)).toEqual(['client-c1-1']);
  });

  it('keeps a pasted image in the outbox while offline, then uploads it once and sends the message once', async () => {
    const { hub, accounts, start } = rig('offline');
    const sender = start();
    const bytes = base64ToBytes(IMAGE_SAMPLES['image/png']);
    await enqueueReply(
      db,
      { clientId: 'client-img-1', accountId: 'shop-a', conversationId: 'c1', text: '[图片 image: shot.png]', images: [{ name: 'shot.png', mime: 'image/png', bytes: bytes.slice().buffer }] },
      1,
    );
    await sender.kick();
    expect(hub.calls).not.toContain('attachments/upload');
    // What IndexedDB kept is the image itself, byte for byte.
    expect([...new Uint8Array((await db.outbox.get('client-img-1'))!.images![0]!.bytes)]).toEqual([...bytes]);

    hub.loseAck(); // the first send lands on the hub but its ack is lost
    accounts.getState().upsert(view('online'));
    await sender.idle();
    expect(await db.outbox.count()).toBe(1);
    await sender.kick();

    expect(hub.uploads).toEqual([{ name: 'shot.png', data: IMAGE_SAMPLES['image/png'] }]);
    expect(hub.posted).toHaveLength(1);
    expect(hub.posted[0]!.attachments?.map((a) => a.name)).toEqual(['shot.png']);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.messages.toArray()).map((m) => [m.clientId, m.attachments?.length])).toEqual([['client-img-1', 1]]);
  });

  it('marks a reply failed when its image is refused, and sends nothing', async () => {
    const { hub, start } = rig('online');
    hub.uploadFailures.push('unsupported-media');
    const bytes = base64ToBytes(IMAGE_SAMPLES['image/gif']);
    await enqueueReply(db, { clientId: 'client-img-2', accountId: 'shop-a', conversationId: 'c1', text: 'see', images: [{ name: 'a.gif', mime: 'image/gif', bytes: bytes.slice().buffer }] }, 1);
    const sender = start();
    await sender.idle();
    expect((await db.outbox.get('client-img-2'))).toMatchObject({ state: 'failed', error: { code: 'unsupported-media' } });
    expect(hub.posted).toHaveLength(0);
  });

  it('marks a refused reply failed with the reason, holds its successors, and lets other conversations go', async () => {
    const { hub, start } = rig('online');
    await reply(1, 'c1');
    await reply(2, 'c1');
    await reply(3, 'c2');
    hub.failures.push('conflict');
    const sender = start();
    await sender.idle();
    const c1 = await outboxOf(db, 'c1');
    expect(c1.map((r) => [r.text, r.state, r.error?.code ?? null])).toEqual([
      ['reply 1', 'failed', 'conflict'],
      ['reply 2', 'queued', null],
    ]);
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 3']);

    await retryReply(db, c1[0]!.clientId);
    await sender.kick();
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 3', 'reply 1', 'reply 2']);
  });

  it('keeps a reply queued through transient errors and sends it on a later try', async () => {
    const { hub, start } = rig('online');
    await reply(1);
    hub.failures.push('offline', 'timeout');
    const sender = start();
    await sender.idle();
    await sender.kick();
    expect((await db.outbox.toArray()).map((r) => [r.state, r.attempts])).toEqual([['queued', 2]]);
    await sender.kick();
    expect(hub.posted).toHaveLength(1);
  });

  it('sends what a previous run left in the outbox (app restart)', async () => {
    const { hub, start } = rig('online');
    await reply(1);
    await reply(2);
    const sender = start();
    await sender.idle();
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 1', 'reply 2']);
  });

  it('sends a private note as a note, in order with the replies', async () => {
    const { hub, start } = rig('online');
    await reply(1);
    await enqueueReply(db, { clientId: 'client-note-1', accountId: 'shop-a', conversationId: 'c1', text: 'VIP 顾客', kind: 'note' }, 2);
    const sender = start();
    await sender.idle();
    expect(hub.calls).toEqual(['conversations/send', 'conversations/note']);
    expect(hub.posted.map((m) => m.text)).toEqual(['reply 1', 'VIP 顾客']);
  });

  it('holds an escalation written offline, then sends it once with its client id and summary, after the replies before it', async () => {
    const { hub, accounts, start } = rig('offline');
    await reply(1);
    await db.drafts.put({ conversationId: 'c1', text: 'still typing', updatedAt: 1 });
    await enqueueEscalation(db, { clientId: 'client-esc-1', accountId: 'shop-a', conversationId: 'c1', reason: '退款超权限', target: 'tier2', summary: '客户：退款三天未到账' }, 2);
    expect(await db.drafts.get('c1')).toBeDefined(); // an escalation leaves the draft alone
    const landed: Array<[string, number | undefined]> = [];
    const sender = start({ onEscalated: (row, servedBy) => landed.push([row.clientId, servedBy]) });
    hub.escalateFailures.push('timeout'); // the link dropped again mid-send: tried again, still once
    accounts.getState().upsert(view('online'));
    await sender.idle();
    await sender.kick();
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
