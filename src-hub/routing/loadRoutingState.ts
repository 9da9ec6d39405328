import { ownershipOf, queueOf } from '../../src-shared/domain/conversation.js';
import type { Queryable } from '../store/database.js';
import { listAccounts } from '../store/accounts.js';
import { readRoster } from '../store/presence.js';
import { readRoutingConfigs } from '../store/queuesConfig.js';
import { readOpenConversations } from '../store/queuesOpenConversations.js';
import { readOpenSlaBreaches } from '../store/queuesSla.js';
import { agentOf, createAccountRouting, type AccountRouting } from './accountRouting.js';
import type { RoutedConversation } from './routedConversation.js';

/**
 * Routing's state rebuilt from the store at start: configs, open conversations
 * with their reply times (so SLA clocks resume where they were), breaches already
 * reported, and everyone's last presence. Arrivals and resolutions of the last
 * minute start empty: they are live numbers.
 */
export async function loadRoutingState(db: Queryable, now: number): Promise<Map<string, AccountRouting>> {
  const configs = await readRoutingConfigs(db);
  const states = new Map<string, AccountRouting>();
  for (const account of await listAccounts(db)) states.set(account.id, createAccountRouting(account.id, account.channel, configs.get(account.id)));

  for (const row of await readOpenConversations(db)) {
    const { conversation: doc } = row;
    const state = states.get(doc.accountId);
    if (!state) continue;
    const owner = ownershipOf(doc);
    const routed: RoutedConversation = {
      id: doc.id,
      queue: queueOf(doc),
      owner,
      assigneeId: doc.assigneeId,
      // Not stored as such: when it started waiting is the closest the store knows.
      queuedAt: owner === 'queued' ? (doc.waitingSince ?? doc.lastActivityAt) : null,
      // The bot's last line is its hand-over (or what a takeover cut short).
      humanSince: owner === 'bot' ? doc.createdAt : Math.max(doc.createdAt, row.lastBotAt ?? 0),
      unansweredSince: row.unansweredSince,
      agentReplied: row.agentReplied,
    };
    state.conversations.set(doc.id, routed);
  }
  for (const [accountId, keys] of await readOpenSlaBreaches(db)) for (const key of keys) states.get(accountId)?.breaches.add(key);
  for (const record of await readRoster(db)) {
    const state = states.get(record.accountId);
    if (!state) continue;
    const agent = agentOf(state, record.person, now);
    agent.status = record.status;
    agent.capacity = record.capacity;
  }
  return states;
}
