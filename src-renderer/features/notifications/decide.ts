import type { HubEvent } from '../../../src-shared/index.js';
import type { CachedConversation } from '../../db/schema.js';
import type { NotifyRule } from './rulesStore.js';

export interface Alert {
  kind: 'message' | 'assigned' | 'mention';
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
  /** My name as teammates write it after `@` in a note. */
  myName?: string | null;
  /** The rule for a conversation: its queue's own, else the account's (see rulesStore). */
  ruleOf: (conversation: CachedConversation | undefined) => NotifyRule;
}

const PREVIEW = 120;

/** `@小林` or `@Alice` as a word: not `@Alicia` for Alice. */
const mentions = (text: string, name: string): boolean => {
  const at = text.indexOf(`@${name}`);
  if (at < 0) return false;
  const next = text[at + name.length + 1];
  return next === undefined || !/[\p{L}\p{N}_]/u.test(next) || /\p{Script=Han}/u.test(name);
};

/**
 * Which alerts a stored batch raises: customer messages per the conversation's rule
 * (its queue's, else the account's), and under every rule but off a conversation
 * handed to me by someone else (bot or lead) and a teammate's note that names me.
 */
export function decideAlerts({ accountId, events, conversations, myId, myName = null, ruleOf }: DecideInput): Alert[] {
  const alerts: Alert[] = [];
  for (const e of events) {
    if (e.type === 'message.created') {
      const c = conversations.get(e.data.conversationId);
      const rule = ruleOf(c);
      if (rule === 'off') continue;
      const alert = { accountId, conversationId: e.data.conversationId, customerName: c?.customer.name ?? e.data.author.name, preview: e.data.text.slice(0, PREVIEW) };
      if (e.data.author.kind === 'customer' && !e.data.private) {
        if (rule === 'mentions' || (rule === 'mine' && (!c || c.assigneeId === null || c.assigneeId !== myId))) continue;
        alerts.push({ kind: 'message', ...alert, customerName: e.data.author.name });
      } else if (e.data.private && myName && e.data.author.id !== myId && mentions(e.data.text, myName)) {
        alerts.push({ kind: 'mention', ...alert });
      }
    }
    if (e.type === 'conversation.assigned' && myId !== null && e.data.assigneeId === myId) {
      const c = conversations.get(e.data.conversationId);
      if (ruleOf(c) === 'off') continue;
      alerts.push({ kind: 'assigned', accountId, conversationId: e.data.conversationId, customerName: c?.customer.name ?? '', preview: c?.lastMessagePreview ?? '' });
    }
  }
  return alerts;
}
