import type { AgentLoad, QueueStats } from '../../src-shared/domain/queue.js';
import { loadsOf, pruneWindows, type AccountRouting } from './accountRouting.js';
import { capacityOf } from './pickAgent.js';
import { isHeld } from './routedConversation.js';
import { queueKeysOf, serves } from './routingConfig.js';
import { slaDueOf } from './slaDue.js';

const MAX_QUEUES = 500;
const MAX_AGENTS = 500;

/**
 * The account's live numbers per queue, from routing's state: every configured
 * queue (even empty) and any other queue a conversation sits in. `slaBreaches`
 * counts the conversations overdue right now. Agents listed are those serving
 * the queue who are not offline or still hold something.
 */
export function computeQueueStats(state: AccountRouting, now: number): QueueStats[] {
  pruneWindows(state, now);
  const keys = new Set(queueKeysOf(state.config));
  for (const c of state.conversations.values()) keys.add(c.queue);
  const loads = loadsOf(state);
  const byQueue = new Map([...keys].map((queue) => [queue, { waiting: 0, active: 0, bot: 0, longestWaitMs: 0, slaBreaches: 0 }]));
  for (const c of state.conversations.values()) {
    const counts = byQueue.get(c.queue)!;
    if (c.owner === 'bot') counts.bot += 1;
    else if (isHeld(c)) counts.active += 1;
    else {
      counts.waiting += 1;
      counts.longestWaitMs = Math.max(counts.longestWaitMs, now - (c.queuedAt ?? now));
    }
    const due = slaDueOf(c, state.config.sla);
    if (due && due.dueAt <= now) counts.slaBreaches += 1;
  }
  const countIn = (list: Array<{ queue: string }>, queue: string) => list.reduce((n, m) => n + (m.queue === queue ? 1 : 0), 0);
  return [...byQueue].slice(0, MAX_QUEUES).map(([queue, counts]) => ({
    accountId: state.accountId,
    queue,
    channel: state.channel,
    ...counts,
    longestWaitMs: Math.max(0, Math.round(counts.longestWaitMs)),
    arrivalsLastMinute: countIn(state.arrivals, queue),
    resolvedLastMinute: countIn(state.resolutions, queue),
    agents: agentsServing(state, queue, loads),
    at: now,
  }));
}

function agentsServing(state: AccountRouting, queue: string, loads: Map<string, number>): AgentLoad[] {
  const agents: AgentLoad[] = [];
  for (const agent of state.agents.values()) {
    const load = loads.get(agent.person.id) ?? 0;
    if (!serves(state.config, queue, agent.person) || (agent.status === 'offline' && load === 0)) continue;
    agents.push({ personId: agent.person.id, name: agent.person.name, status: agent.status, load, capacity: capacityOf(agent, state.config) });
  }
  return agents.sort((a, b) => a.personId.localeCompare(b.personId)).slice(0, MAX_AGENTS);
}
