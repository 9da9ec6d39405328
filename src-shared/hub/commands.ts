import { z } from 'zod';
import { AttachmentRefs } from '../domain/attachment.js';
import { ClientId, Id, Timestamp } from '../domain/ids.js';
import { Message, MessageText } from '../domain/message.js';
import { KbArticle, PresenceStatus, QueueKey } from '../domain/queue.js';
import { ErrorInfo } from '../result.js';
import { EscalationSummary, EscalationTarget, SuggestionFeedback } from './events.js';

/**
 * How the hub frames events to a client: `single`, one `event` frame each (the
 * default, for clients written before frames); `batched`, a commit's events (or
 * a replay page) in one `events` frame, which costs the hub and the client one
 * encode, one write and one parse per frame instead of per event.
 */
export const EventFraming = z.enum(['single', 'batched']);
export type EventFraming = z.infer<typeof EventFraming>;

/** Handshake `auth` of the /agent namespace. */
export const AgentHandshake = z.object({
  accountId: Id,
  token: z.string().min(1).max(400),
  cursor: z.number().int().nonnegative(),
  frames: EventFraming.default('single'),
});
export type AgentHandshake = z.infer<typeof AgentHandshake>;

/** Reasons the hub gives in `connect_error` (`err.message`); the UI translates them. */
export const ConnectRefusal = z.enum(['auth/invalid-handshake', 'auth/invalid-token', 'auth/revoked-token', 'auth/unknown-account']);
export type ConnectRefusal = z.infer<typeof ConnectRefusal>;

const ConversationRef = z.object({ conversationId: Id });

/** The most dead letters one `delivery.deadLetters` answer carries (newest first). */
export const MAX_DEAD_LETTERS = 200;

/** A reply the connector's callback never took, as a lead sees it in the workstation. */
export const DeadLetterView = z.object({
  id: Id,
  conversationId: Id,
  messageId: Id,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().max(500).nullable(),
  failedAt: Timestamp,
  /** The start of the reply's text ('' when the message is gone). */
  preview: z.string().max(200),
});
export type DeadLetterView = z.infer<typeof DeadLetterView>;

/** Hub protocol v1, client → server. Each is emitted with an ack callback. */
export const HubCommands = {
  /** `attachments`: images uploaded first (POST /attachments/<accountId>); refused with `unsupported-media` on text-only channels. */
  'message.send': {
    input: z.object({ clientId: ClientId, conversationId: Id, text: MessageText, attachments: AttachmentRefs.optional() }),
    output: z.object({ message: Message, duplicate: z.boolean() }),
  },
  'conversation.claim': { input: ConversationRef, output: z.object({}) },
  'conversation.resolve': { input: ConversationRef, output: z.object({}) },
  /** A resolved or pending conversation is open again: with its last holder when they reopen it, else in its queue. */
  'conversation.reopen': { input: ConversationRef, output: z.object({}) },
  /** Waiting on the customer (status `pending`): its response clocks stop; the customer's next message reopens it. */
  'conversation.markPending': { input: ConversationRef, output: z.object({}) },
  /** `clientId` makes a replayed escalation (queued offline) land once; `duplicate` says it already had. */
  'conversation.escalate': {
    input: ConversationRef.extend({
      target: EscalationTarget,
      reason: z.string().trim().min(1).max(1000),
      clientId: ClientId.optional(),
      summary: EscalationSummary.optional(),
    }),
    output: z.object({
      queue: QueueKey.optional(),
      duplicate: z.boolean().optional(),
      /** People online serving the target queue when it landed; 0: it waits there with nobody to take it yet. */
      servedBy: z.number().int().nonnegative().optional(),
    }),
  },
  /** Supervisor only. Refused with `conflict` naming the winner when another supervisor holds it. */
  'conversation.takeover': { input: ConversationRef, output: z.object({}) },
  /** The owner (or a lead/supervisor) hands it back to the bot or to its queue. */
  'conversation.handback': {
    input: ConversationRef.extend({ to: z.enum(['bot', 'queued']) }),
    output: z.object({}),
  },
  /** Lead or supervisor: reassign to an agent, or (assigneeId null) back to a queue. */
  'conversation.assign': {
    input: ConversationRef.extend({ assigneeId: Id.nullable(), queue: QueueKey.optional() }),
    output: z.object({}),
  },
  /** Presence, and optionally how many conversations this person takes at once (routing). */
  'agent.status': {
    input: z.object({ status: PresenceStatus, capacity: z.number().int().min(0).max(50).optional() }),
    output: z.object({}),
  },
  'suggestion.feedback': { input: SuggestionFeedback, output: z.object({ duplicate: z.boolean() }) },
  'kb.upsert': { input: KbArticle.omit({ accountId: true, updatedAt: true }), output: z.object({}) },
  'note.add': {
    input: z.object({ clientId: ClientId, conversationId: Id, text: MessageText }),
    output: z.object({ message: Message, duplicate: z.boolean() }),
  },
  /** Lead or supervisor: the account's webhook replies that ran out of retries. */
  'delivery.deadLetters': { input: z.object({}), output: z.object({ deadLetters: z.array(DeadLetterView).max(MAX_DEAD_LETTERS) }) },
  /** Lead or supervisor: sends a dead letter again (audited); `not-found` for another account's, `conflict` once it is no longer dead. */
  'delivery.retry': { input: z.object({ id: Id }), output: z.object({}) },
} as const;

export type HubCommandName = keyof typeof HubCommands;
export type HubCommandInput<K extends HubCommandName> = z.infer<(typeof HubCommands)[K]['input']>;
export type HubCommandOutput<K extends HubCommandName> = z.infer<(typeof HubCommands)[K]['output']>;

/** Every ack is `{ ok: true, ...output }` or `{ ok: false, error }`. */
export const hubAckOf = <T extends z.ZodObject>(output: T) =>
  z.union([output.extend({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: ErrorInfo })]);

export type HubAck<K extends HubCommandName> = (HubCommandOutput<K> & { ok: true }) | { ok: false; error: ErrorInfo };
