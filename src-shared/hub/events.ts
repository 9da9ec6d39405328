import { z } from 'zod';
import { HubAccount, Person } from '../domain/account.js';
import { Conversation, Ownership } from '../domain/conversation.js';
import { ClientId, Id, Timestamp } from '../domain/ids.js';
import { Message, MessageStatus } from '../domain/message.js';
import { KbArticle, PresenceStatus, QueueKey, QueueStats } from '../domain/queue.js';

/** Hub protocol v1, server → client. Every `event` carries the account's monotonic `seq`. */
export const PROTOCOL_VERSION = 1;
export const AGENT_NAMESPACE = '/agent';
export const CUSTOMER_NAMESPACE = '/customer';

export const EscalationTarget = z.enum(['tier2', 'supervisor', 'human']);
export type EscalationTarget = z.infer<typeof EscalationTarget>;

/** The escalation's short summary for the receiver: extractive, made on the sender's machine (works offline). */
export const EscalationSummary = z.string().max(4000);

/** What leads and supervisors see in the audit log. */
export const AuditAction = z.enum(['escalate', 'takeover', 'handback', 'reassign', 'whisper', 'barge', 'kb.edit', 'token.revoke', 'delivery.retry']);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: Id,
  action: AuditAction,
  actorId: Id,
  actorName: z.string().min(1).max(200),
  conversationId: Id.nullable(),
  /** Short, plain text: the target, reason or article, never customer text. */
  detail: z.string().max(1000),
  at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What an agent did with one suggestion; leads read acceptance per article from these. */
export const SuggestionAction = z.enum(['inserted', 'edited', 'ignored']);
export type SuggestionAction = z.infer<typeof SuggestionAction>;

export const SuggestionFeedback = z.object({
  clientId: ClientId,
  conversationId: Id,
  /** The customer message the suggestion answered. */
  messageId: Id,
  articleId: Id,
  rank: z.number().int().min(1).max(3),
  action: SuggestionAction,
  vote: z.enum(['up', 'down']).nullable(),
});
export type SuggestionFeedback = z.infer<typeof SuggestionFeedback>;

export const SlaKind = z.enum(['first-response', 'next-response']);
export type SlaKind = z.infer<typeof SlaKind>;

const Seq = z.number().int().positive();

const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ seq: Seq, type: z.literal(type), at: Timestamp, data });

export const HubEvent = z.discriminatedUnion('type', [
  event('conversation.upsert', Conversation),
  event('message.created', Message),
  event(
    'message.status',
    z.object({ messageId: Id, conversationId: Id, status: MessageStatus }),
  ),
  event(
    'conversation.assigned',
    z.object({ conversationId: Id, assigneeId: Id.nullable(), assigneeName: z.string().max(200).nullable() }),
  ),
  event(
    'conversation.escalated',
    z.object({
      conversationId: Id,
      target: EscalationTarget,
      reason: z.string().max(1000),
      byId: Id,
      /** Added with routing: the queue it went to, who escalated, and the summary for the receiver. */
      queue: QueueKey.optional(),
      byName: z.string().max(200).optional(),
      summary: EscalationSummary.optional(),
    }),
  ),
  event('conversation.takeover', z.object({ conversationId: Id, byId: Id, byName: z.string().max(200) })),
  /** The owner changed hands back: to the bot, to the queue, or to a named agent. */
  event(
    'conversation.handback',
    z.object({ conversationId: Id, to: Ownership, byId: Id, assigneeId: Id.nullable(), queue: QueueKey }),
  ),
  event(
    'sla.breached',
    z.object({ conversationId: Id, queue: QueueKey, kind: SlaKind, dueAt: Timestamp, assigneeId: Id.nullable() }),
  ),
  event('kb.changed', KbArticle),
  event('agent.presence', z.object({ personId: Id, status: PresenceStatus, name: z.string().max(200).optional() })),
  event('audit.entry', AuditEntry),
  event('suggestion.feedback', SuggestionFeedback.extend({ byId: Id })),
]);
export type HubEvent = z.infer<typeof HubEvent>;
export type HubEventType = HubEvent['type'];
export type HubEventOf<T extends HubEventType> = Extract<HubEvent, { type: T }>;

/** Sent first on every connection: who the token belongs to and where the log ends. */
export const SessionOpened = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  account: HubAccount,
  person: Person,
  headSeq: z.number().int().nonnegative(),
});
export type SessionOpened = z.infer<typeof SessionOpened>;

/** Sent after the replay from the client's cursor; live events follow. */
export const SyncDone = z.object({ seq: z.number().int().nonnegative() });
export type SyncDone = z.infer<typeof SyncDone>;

/**
 * Live queue numbers, sent volatile (never journaled, no seq): they are state, not
 * history, and a missed frame is replaced by the next one within a second.
 */
export const QueueStatsFrame = z.object({ stats: z.array(QueueStats).max(500) });
export type QueueStatsFrame = z.infer<typeof QueueStatsFrame>;

/** The most events one `events` frame carries (a replay page). */
export const MAX_EVENTS_PER_FRAME = 500;

/**
 * Events in seq order, for a client that asked for `frames: 'batched'`. Only the
 * frame's shape is checked here: each event is validated on its own
 * (`HubEvent`), so one malformed event costs only itself.
 */
export const EventsFrame = z.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_FRAME) });
export type EventsFrame = z.infer<typeof EventsFrame>;

/** socket.io event names, server → client. */
export const ServerEvents = {
  session: 'session.opened',
  event: 'event',
  events: 'events',
  syncDone: 'sync.done',
  queueStats: 'queue.stats',
} as const;
