import type { Channel, Person } from '../../src-shared/domain/account.js';
import type { TimerHandle } from './clock.js';
import type { RoutableAgent } from './pickAgent.js';
import { isHeld, type RoutedConversation } from './routedConversation.js';
import { DEFAULT_ROUTING_CONFIG, type RoutingConfig } from './routingConfig.js';

/** A person of the account as routing sees them: presence, capacity, live connections. */
export interface AgentPresence extends RoutableAgent {
  connections: number;
  /** Set while their last connection is gone and the offline grace runs. */
  graceTimer: TimerHandle | null;
}

/** Something that happened in a queue at a time, for the sliding minute. */
export interface QueueMoment {
  queue: string;
  at: number;
}

/** Routing's in-memory view of one account, kept current from the event bus. */
export interface AccountRouting {
  accountId: string;
  channel: Channel;
  config: RoutingConfig;
  /** Open conversations only: resolved ones leave. */
  conversations: Map<string, RoutedConversation>;
  agents: Map<string, AgentPresence>;
  arrivals: QueueMoment[];
  resolutions: QueueMoment[];
  /** Breach keys already reported (see breachKeyOf). */
  breaches: Set<string>;
  /** New conversations whose first customer line picks their language queue. */
  awaitingLanguage: Set<string>;
  /** Conversation id → the language queue it should move to (done by the account's worker). */
  languageMoves: Map<string, string>;
  /** Lead and supervisor connections, who receive queue.stats. */
  statsWatchers: number;
}

export const createAccountRouting = (accountId: string, channel: Channel, config: RoutingConfig = DEFAULT_ROUTING_CONFIG): AccountRouting => ({
  accountId,
  channel,
  config,
  conversations: new Map(),
  agents: new Map(),
  arrivals: [],
  resolutions: [],
  breaches: new Set(),
  awaitingLanguage: new Set(),
  languageMoves: new Map(),
  statsWatchers: 0,
});

/** The person's record, made (offline) on first sight; name and role follow their latest token. */
export function agentOf(state: AccountRouting, person: Person, now: number): AgentPresence {
  const known = state.agents.get(person.id);
  if (known) {
    known.person = person;
    return known;
  }
  const agent: AgentPresence = { person, status: 'offline', capacity: null, idleSince: now, connections: 0, graceTimer: null };
  state.agents.set(person.id, agent);
  return agent;
}

/** How many conversations each person holds right now. */
export function loadsOf(state: AccountRouting): Map<string, number> {
  const loads = new Map<string, number>();
  for (const c of state.conversations.values()) {
    if (isHeld(c) && c.assigneeId !== null) loads.set(c.assigneeId, (loads.get(c.assigneeId) ?? 0) + 1);
  }
  return loads;
}

export const WINDOW_MS = 60_000;

/** Drops moments older than the sliding minute (both lists are in time order). */
export function pruneWindows(state: AccountRouting, now: number): void {
  const keepFrom = (list: QueueMoment[]) => {
    const first = list.findIndex((m) => m.at > now - WINDOW_MS);
    list.splice(0, first === -1 ? list.length : first);
  };
  keepFrom(state.arrivals);
  keepFrom(state.resolutions);
}
