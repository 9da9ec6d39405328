import { ownershipOf, queueOf, type Conversation, type Ownership } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';

/**
 * What routing keeps of one open conversation: enough for queues, loads and SLA
 * clocks, all derivable again from the store after a restart.
 */
export interface RoutedConversation {
  id: string;
  queue: string;
  owner: Ownership;
  assigneeId: string | null;
  /** When it last entered its queue unowned (longest wait), null while someone holds it. */
  queuedAt: number | null;
  /** When it last left the bot's hands (or its start): the bot's answers stop no human clock. */
  humanSince: number;
  /** The customer's first line after the last agent reply; null when answered. */
  unansweredSince: number | null;
  /** Whether an agent ever replied: the next SLA is `next-response`, not `first-response`. */
  agentReplied: boolean;
}

export type ConversationChange =
  | { kind: 'none' }
  | { kind: 'arrived'; queue: string }
  | { kind: 'resolved'; queue: string };

/**
 * Applies a `conversation.upsert` at time `at`: returns the new record (null once
 * resolved) and whether it arrived in a queue or left by resolution, for the
 * per-minute numbers.
 */
export function applyUpsert(previous: RoutedConversation | undefined, doc: Conversation, at: number): { next: RoutedConversation | null; change: ConversationChange } {
  const owner = ownershipOf(doc);
  const queue = queueOf(doc);
  if (doc.status === 'resolved') return { next: null, change: previous ? { kind: 'resolved', queue: previous.queue } : { kind: 'none' } };
  const base: RoutedConversation = previous ?? { id: doc.id, queue, owner, assigneeId: null, queuedAt: null, humanSince: doc.createdAt, unansweredSince: null, agentReplied: false };
  const enteredQueue = owner === 'queued' && (!previous || previous.owner !== 'queued' || previous.queue !== queue);
  const next: RoutedConversation = {
    ...base,
    queue,
    owner,
    assigneeId: doc.assigneeId,
    queuedAt: owner !== 'queued' ? null : enteredQueue ? at : base.queuedAt,
    humanSince: previous?.owner === 'bot' && owner !== 'bot' ? at : base.humanSince,
  };
  return { next, change: enteredQueue ? { kind: 'arrived', queue } : { kind: 'none' } };
}

/** Applies a public `message.created`: a customer line starts the clock, an agent's reply stops it. */
export function applyMessage(conversation: RoutedConversation, message: Message): RoutedConversation {
  if (message.private) return conversation;
  if (message.author.kind === 'customer') return conversation.unansweredSince === null ? { ...conversation, unansweredSince: message.createdAt } : conversation;
  if (message.author.kind === 'agent') return { ...conversation, unansweredSince: null, agentReplied: true };
  return conversation; // the bot's and the hub's own lines answer nobody's SLA
}

/** A person (not the bot, not the queue) holds it. */
export const isHeld = (c: Pick<RoutedConversation, 'owner'>): boolean => c.owner === 'human' || c.owner === 'supervisor';
