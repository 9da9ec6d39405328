import type { SlaKind } from '../../src-shared/hub/events.js';
import type { RoutedConversation } from './routedConversation.js';
import type { RoutingConfig } from './routingConfig.js';

export interface SlaDue {
  kind: SlaKind;
  dueAt: number;
}

/**
 * When the customer must have a person's answer: from their first unanswered line,
 * or from when the bot let go if that came later. None while the bot holds it or
 * nothing is unanswered. First response until an agent replied once, then next response.
 */
export function slaDueOf(conversation: RoutedConversation, sla: RoutingConfig['sla']): SlaDue | null {
  if (conversation.owner === 'bot' || conversation.unansweredSince === null) return null;
  const since = Math.max(conversation.unansweredSince, conversation.humanSince);
  return conversation.agentReplied
    ? { kind: 'next-response', dueAt: since + sla.nextResponseMs }
    : { kind: 'first-response', dueAt: since + sla.firstResponseMs };
}
