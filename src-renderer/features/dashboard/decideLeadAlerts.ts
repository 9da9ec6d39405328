import type { HubEvent, Role, SlaKind } from '../../../src-shared/index.js';
import type { CachedConversation } from '../../db/schema.js';
import type { NotifyRule } from '../notifications/rulesStore.js';
import { leadsOrSupervises } from '../accounts/leadAccounts.js';

export type LeadAlert =
  | { kind: 'sla'; conversationId: string; queue: string; sla: SlaKind; customerName: string }
  | { kind: 'angry'; conversationId: string; customerName: string; preview: string };

export interface LeadAlertInput {
  events: readonly HubEvent[];
  /** Conversations whose mood flag this batch raised (see ai/moodTracker). */
  angered: readonly string[];
  /** The conversations after the batch was stored. */
  conversations: ReadonlyMap<string, CachedConversation>;
  role: Role | null;
  rule: NotifyRule;
  /** Arrived while the account was online: a replay after a reconnect never alerts. */
  live: boolean;
}

const watchesQueues = leadsOrSupervises;

/**
 * What a lead or supervisor is told about their account's queues: an SLA breach, and a
 * customer turning angry. Not for agents; not on replay; the account's rule `off`
 * silences it, and `mine` keeps it, because watching the queues is a lead's own work.
 */
export function decideLeadAlerts({ events, angered, conversations, role, rule, live }: LeadAlertInput): LeadAlert[] {
  if (!live || rule === 'off' || !watchesQueues(role)) return [];
  const name = (id: string) => conversations.get(id)?.customer.name ?? '';
  const breaches = events.flatMap((e): LeadAlert[] =>
    e.type === 'sla.breached' ? [{ kind: 'sla', conversationId: e.data.conversationId, queue: e.data.queue, sla: e.data.kind, customerName: name(e.data.conversationId) }] : [],
  );
  const upset = [...new Set(angered)].flatMap((id): LeadAlert[] => {
    const c = conversations.get(id);
    // A resolved conversation needs nobody any more.
    return c && c.status !== 'resolved' ? [{ kind: 'angry', conversationId: id, customerName: c.customer.name, preview: c.lastMessagePreview.slice(0, 120) }] : [];
  });
  return [...breaches, ...upset];
}
