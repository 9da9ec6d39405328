import { DEFAULT_QUEUE, ownershipOf, queueOf, type Conversation, type Ownership } from '../../src-shared/domain/conversation.js';

/** Who a conversation can be handed to: the bot, its queue (nobody yet), or a named person. */
export type OwnerChange =
  | { owner: 'bot' }
  | { owner: 'queued'; queue?: string }
  | { owner: 'human' | 'supervisor'; person: { id: string; name: string }; queue?: string };

/**
 * The one place an owner is set, so `status`, `assignee` and `owner` never
 * disagree: the bot's conversations have status `bot`, everyone else's `open`,
 * and only a human or supervisor owner has an assignee.
 */
export function withOwner(conversation: Conversation, change: OwnerChange): Conversation {
  const queue = change.owner === 'bot' ? queueOf(conversation) : (change.queue ?? queueOf(conversation));
  const person = change.owner === 'human' || change.owner === 'supervisor' ? change.person : null;
  return {
    ...conversation,
    owner: change.owner,
    queue,
    status: change.owner === 'bot' ? 'bot' : 'open',
    assigneeId: person?.id ?? null,
    assigneeName: person?.name ?? null,
  };
}

/**
 * A conversation recorded before the hub sent owners gets them spelled out, so
 * every upsert the hub emits from now on carries `owner` and `queue`.
 */
export const withExplicitOwner = (conversation: Conversation): Conversation => ({
  ...conversation,
  owner: ownershipOf(conversation),
  queue: queueOf(conversation),
});

/** A person (not the bot, not the queue) holds it: the bot must stay silent. */
export const heldByPerson = (owner: Ownership): boolean => owner === 'human' || owner === 'supervisor';

export const BOT_STATE_AT_START = { turns: 0, lastConfidence: null, handoverReason: null } as const;

/** How a new conversation starts: with the bot where it serves the account, otherwise waiting in the first-line queue. */
export const startOwnership = (conversation: Conversation, start: 'bot' | 'open'): Conversation =>
  start === 'bot'
    ? { ...withOwner({ ...conversation, queue: DEFAULT_QUEUE }, { owner: 'bot' }), bot: { ...BOT_STATE_AT_START } }
    : withOwner(conversation, { owner: 'queued', queue: DEFAULT_QUEUE });

/** "the bot", "queue tier2" or a person's name: how audit lines and refusals name a holder. */
export function holderOf(conversation: Conversation): string {
  if (conversation.assigneeId !== null) return conversation.assigneeName ?? conversation.assigneeId;
  return ownershipOf(conversation) === 'bot' ? 'the bot' : `queue ${queueOf(conversation)}`;
}

/**
 * Who may escalate a conversation: leads and supervisors always; an agent what
 * they hold, or what no person holds yet (the bot's, the queue's).
 */
export function mayMoveOn(person: { id: string; role: string }, conversation: Conversation): boolean {
  if (person.role !== 'agent') return true;
  return !heldByPerson(ownershipOf(conversation)) || conversation.assigneeId === person.id;
}
