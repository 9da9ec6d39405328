import type { HubEvent } from '../../../src-shared/index.js';
import type { CachedConversation } from '../../db/schema.js';
import type { NotifyRule } from './rulesStore.js';

export interface Alert {
  kind: 'message' | 'assigned';
  accountId: string;
  conversationId: string;
  customerName: string;
  preview: string;
}

export interface DecideInput {
  accountId: string;
  events: readonly HubEvent[];
  /** The conversations after the batch was stored. */
  conversations: ReadonlyMap<string, CachedConversation>;
  myId: string | null;
  rule: NotifyRule;
}

const PREVIEW = 120;

/**
 * Which alerts a stored batch raises: customer messages per the account's rule,
 * and always a conversation handed to me by someone else (bot or lead).
 */
export function decideAlerts({ accountId, events, conversations, myId, rule }: DecideInput): Alert[] {
  const alerts: Alert[] = [];
  for (const e of events) {
    if (e.type === 'message.created' && e.data.author.kind === 'customer' && !e.data.private && rule !== 'off') {
      const c = conversations.get(e.data.conversationId);
      if (rule === 'mine' && (!c || c.assigneeId === null || c.assigneeId !== myId)) continue;
      alerts.push({ kind: 'message', accountId, conversationId: e.data.conversationId, customerName: e.data.author.name, preview: e.data.text.slice(0, PREVIEW) });
    }
    if (e.type === 'conversation.assigned' && myId !== null && e.data.assigneeId === myId && rule !== 'off') {
      const c = conversations.get(e.data.conversationId);
      alerts.push({ kind: 'assigned', accountId, conversationId: e.data.conversationId, customerName: c?.customer.name ?? '', preview: c?.lastMessagePreview ?? '' });
    }
  }
  return alerts;
}
