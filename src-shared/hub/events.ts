import { z } from 'zod';
import { HubAccount, Person } from '../domain/account.js';
import { Conversation } from '../domain/conversation.js';
import { Id, Timestamp } from '../domain/ids.js';
import { Message, MessageStatus } from '../domain/message.js';
import { KbArticle, PresenceStatus, QueueStats } from '../domain/queue.js';

/** Hub protocol v1, server → client. Every `event` carries the account's monotonic `seq`. */
export const PROTOCOL_VERSION = 1;
export const AGENT_NAMESPACE = '/agent';
export const CUSTOMER_NAMESPACE = '/customer';

export const EscalationTarget = z.enum(['tier2', 'supervisor', 'human']);
export type EscalationTarget = z.infer<typeof EscalationTarget>;

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
    z.object({ conversationId: Id, target: EscalationTarget, reason: z.string().max(1000), byId: Id }),
  ),
  event('conversation.takeover', z.object({ conversationId: Id, byId: Id, byName: z.string().max(200) })),
  event('queue.stats', QueueStats),
  event('kb.changed', KbArticle),
  event('agent.presence', z.object({ personId: Id, status: PresenceStatus })),
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

/** socket.io event names, server → client. */
export const ServerEvents = {
  session: 'session.opened',
  event: 'event',
  syncDone: 'sync.done',
} as const;
