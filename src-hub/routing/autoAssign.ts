import type { HubContext } from '../context.js';
import { assignConversation } from '../conversations/assignConversation.js';
import { readCapacities } from '../store/presence.js';
import { loadsOf, type AccountRouting } from './accountRouting.js';
import { pickAgent } from './pickAgent.js';

/**
 * With auto-assignment on, each queued conversation, longest waiting first, goes
 * to the least-loaded online agent serving its queue, until nobody has room.
 * The claim runs with the agent role whatever the person's role: routing never
 * takes a conversation somebody claimed in the meantime (the claim refuses it).
 * Returns how many it assigned.
 */
export async function assignQueued(ctx: HubContext, state: AccountRouting): Promise<number> {
  if (!state.config.autoAssign) return 0;
  // Read at each pass: an `agent.status` that just committed counts with its new capacity.
  for (const [personId, capacity] of await readCapacities(ctx.db, state.accountId)) {
    const agent = state.agents.get(personId);
    if (agent) agent.capacity = capacity;
  }
  const loads = loadsOf(state);
  const queued = [...state.conversations.values()].filter((c) => c.owner === 'queued').sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
  let assigned = 0;
  for (const candidate of queued) {
    if (state.conversations.get(candidate.id)?.owner !== 'queued') continue;
    const agent = pickAgent(state.agents.values(), candidate.queue, state.config, (id) => loads.get(id) ?? 0);
    if (!agent) continue;
    const result = await assignConversation(ctx, { accountId: state.accountId, conversationId: candidate.id, to: { ...agent.person, role: 'agent' } });
    if (!result.ok) {
      ctx.log(`routing: ${candidate.id} not assigned to ${agent.person.id}: ${result.error.message}`);
      continue;
    }
    loads.set(agent.person.id, (loads.get(agent.person.id) ?? 0) + 1);
    agent.idleSince = ctx.now();
    assigned += 1;
  }
  return assigned;
}
