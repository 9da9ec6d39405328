import type { Channel, Conversation, HubEvent, KbArticle, Message } from '../../src-shared/index.js';
import { inboxKeys } from './inboxKeys.js';
import type { CachedConversation } from './schema.js';

/** What a batch touches, loaded once with bulkGet; events are applied here in memory. */
export interface WorkingSet {
  conversations: Map<string, CachedConversation>;
  messages: Map<string, Message>;
  dirtyConversations: Set<string>;
  dirtyMessages: Set<string>;
  /** KB articles changed by the batch (last write wins; the hub's log is ordered). */
  kb: Map<string, KbArticle>;
}

export const emptyWorkingSet = (): WorkingSet => ({
  conversations: new Map(),
  messages: new Map(),
  dirtyConversations: new Set(),
  dirtyMessages: new Set(),
  kb: new Map(),
});

/** The conversation and message ids a batch needs to read before applying it. */
export function idsTouched(events: readonly HubEvent[]): { conversations: string[]; messages: string[] } {
  const conversations = new Set<string>();
  const messages = new Set<string>();
  for (const e of events) {
    switch (e.type) {
      case 'conversation.upsert':
        conversations.add(e.data.id);
        break;
      case 'message.created':
        conversations.add(e.data.conversationId);
        messages.add(e.data.id);
        break;
      case 'message.status':
        messages.add(e.data.messageId);
        break;
      case 'conversation.assigned':
      case 'conversation.escalated':
        conversations.add(e.data.conversationId);
        break;
      default:
        break;
    }
  }
  return { conversations: [...conversations], messages: [...messages] };
}

/** The hub's record plus what only this workstation tracks (unread, mood, escalation), kept across updates. */
const cached = (c: Conversation, unread: number, local?: Pick<CachedConversation, 'mood' | 'escalation'>): CachedConversation => ({
  ...c,
  unread,
  ...inboxKeys(c),
  ...(local?.mood ? { mood: local.mood } : {}),
  ...(local?.escalation && c.status !== 'resolved' ? { escalation: local.escalation } : {}),
});

/** A message for a conversation this cache has never seen still shows up: as its own conversation. */
function placeholderFor(message: Message, channel: Channel): CachedConversation {
  const customer = message.author.kind === 'customer' ? { id: message.author.id, name: message.author.name } : { id: 'unknown', name: '?' };
  return cached(
    {
      id: message.conversationId,
      accountId: message.accountId,
      channel,
      customer,
      status: 'open',
      assigneeId: null,
      assigneeName: null,
      subject: null,
      createdAt: message.createdAt,
      lastActivityAt: message.createdAt,
      lastMessagePreview: message.text.slice(0, 280),
    },
    0,
  );
}

/** Applies one event to the working set. Replays are harmless: a known message id is skipped. */
export function applyEvent(set: WorkingSet, event: HubEvent, channel: Channel): void {
  const touch = (c: CachedConversation) => {
    set.conversations.set(c.id, c);
    set.dirtyConversations.add(c.id);
  };
  switch (event.type) {
    case 'conversation.upsert': {
      const existing = set.conversations.get(event.data.id);
      return touch(cached(event.data, existing?.unread ?? 0, existing));
    }
    case 'message.created': {
      const m = event.data;
      if (set.messages.has(m.id)) return;
      set.messages.set(m.id, m);
      set.dirtyMessages.add(m.id);
      const c = set.conversations.get(m.conversationId) ?? placeholderFor(m, channel);
      const newer = !m.private && m.createdAt >= c.lastActivityAt;
      return touch({
        ...c,
        unread: c.unread + (m.author.kind === 'customer' ? 1 : 0),
        ...(newer ? { lastActivityAt: m.createdAt, lastMessagePreview: m.text.slice(0, 280) } : {}),
      });
    }
    case 'message.status': {
      const m = set.messages.get(event.data.messageId);
      if (!m) return;
      set.messages.set(m.id, { ...m, status: event.data.status });
      set.dirtyMessages.add(m.id);
      return;
    }
    case 'conversation.assigned': {
      const c = set.conversations.get(event.data.conversationId);
      if (!c) return;
      const next = { ...c, assigneeId: event.data.assigneeId, assigneeName: event.data.assigneeName };
      return touch({ ...next, ...inboxKeys(next) });
    }
    case 'conversation.escalated': {
      const c = set.conversations.get(event.data.conversationId);
      if (!c) return;
      const { target, reason, summary, byName } = event.data;
      return touch({ ...c, escalation: { target, reason, ...(summary ? { summary } : {}), ...(byName ? { byName } : {}) } });
    }
    case 'kb.changed':
      set.kb.set(event.data.id, event.data);
      return;
    // Escalation, takeover, queues and presence belong to later features;
    // they still advance the cursor so they are not replayed forever.
    default:
      return;
  }
}
