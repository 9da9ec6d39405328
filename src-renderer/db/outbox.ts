import type { ErrorInfo, EscalationTarget, HubEvent, Message } from '../../src-shared/index.js';
import type { OutboxRow, WorkstationDb } from './schema.js';

export interface NewReply {
  clientId: string;
  accountId: string;
  conversationId: string;
  text: string;
  kind?: 'reply' | 'note';
}

/**
 * Writes the reply to the outbox (and clears the draft it came from) before anything
 * leaves. `keepDraft`: the reply came from elsewhere (a notification's inline reply).
 */
export async function enqueueReply(db: WorkstationDb, reply: NewReply, now: number, { keepDraft = false } = {}): Promise<OutboxRow> {
  const row: OutboxRow = { ...reply, createdAt: now, state: 'queued', attempts: 0, error: null };
  await db.transaction('rw', db.outbox, db.drafts, async () => {
    await db.outbox.add(row);
    if (!keepDraft) await db.drafts.delete(reply.conversationId);
  });
  return row;
}

export interface NewEscalation {
  clientId: string;
  accountId: string;
  conversationId: string;
  reason: string;
  target: EscalationTarget;
  summary?: string;
}

/**
 * An escalation goes through the outbox like a reply: it works offline, lands once
 * (its client id is the hub's idempotency key), and keeps its place after the replies
 * written before it. The draft stays: the agent may still be writing.
 */
export async function enqueueEscalation(db: WorkstationDb, e: NewEscalation, now: number): Promise<OutboxRow> {
  const { reason, target, summary, ...ids } = e;
  const row: OutboxRow = {
    ...ids,
    text: reason,
    kind: 'escalate',
    escalation: { target, ...(summary ? { summary } : {}) },
    createdAt: now,
    state: 'queued',
    attempts: 0,
    error: null,
  };
  await db.outbox.add(row);
  return row;
}

/** A conversation's queued replies, oldest first: the order they must reach the customer in. */
export const outboxOf = (db: WorkstationDb, conversationId: string) =>
  db.outbox.where('[conversationId+createdAt]').between([conversationId, 0], [conversationId, Infinity]).toArray();

/** The oldest row of every conversation: only a head may be sent, so order holds per conversation. */
export async function outboxHeads(db: WorkstationDb): Promise<OutboxRow[]> {
  const heads = new Map<string, OutboxRow>();
  await db.outbox.orderBy('[conversationId+createdAt]').each((row) => {
    if (!heads.has(row.conversationId)) heads.set(row.conversationId, row);
  });
  return [...heads.values()];
}

/**
 * The hub acknowledged it: the message (if the row was one) takes the row's place in
 * one transaction; an escalation's own event arrives through the log.
 */
export async function markDelivered(db: WorkstationDb, clientId: string, message: Message | null): Promise<void> {
  await db.transaction('rw', db.outbox, db.messages, async () => {
    if (message && !(await db.messages.get(message.id))) await db.messages.put(message);
    await db.outbox.delete(clientId);
  });
}

/**
 * The hub's log already holds these replies (their `message.created` came back with
 * our client id): their outbox rows are done even when the ack was lost, so they
 * neither show twice nor wait for a retry to learn it. Its own small transaction:
 * an ingest never writes the outbox (see features/storage/quotaGuard.ts).
 */
export async function settleOutbox(db: WorkstationDb, events: readonly HubEvent[]): Promise<void> {
  const clientIds = events.flatMap((e) => (e.type === 'message.created' && e.data.clientId !== null ? [e.data.clientId] : []));
  if (clientIds.length > 0) await db.outbox.bulkDelete(clientIds);
}

export const markAttempt = (db: WorkstationDb, row: OutboxRow) => db.outbox.update(row.clientId, { attempts: row.attempts + 1 });

export const markFailed = (db: WorkstationDb, clientId: string, error: ErrorInfo) =>
  db.outbox.update(clientId, { state: 'failed', error });

export const retryReply = (db: WorkstationDb, clientId: string) => db.outbox.update(clientId, { state: 'queued', error: null });

export const discardReply = (db: WorkstationDb, clientId: string) => db.outbox.delete(clientId);
