import type { Person } from '../../src-shared/domain/account.js';
import type { PresenceStatus } from '../../src-shared/domain/queue.js';
import { serves, type RoutingConfig } from './routingConfig.js';

export interface RoutableAgent {
  person: Person;
  status: PresenceStatus;
  /** null: the account's default capacity. */
  capacity: number | null;
  /** Since when they got nothing new (their last assignment, or coming online). */
  idleSince: number;
}

export const capacityOf = (agent: Pick<RoutableAgent, 'capacity'>, config: RoutingConfig): number => agent.capacity ?? config.defaultCapacity;

/**
 * Least load first: among online agents serving the queue with room below their
 * capacity, the one holding fewest conversations; ties go to the longest idle,
 * then to the person id so the choice never depends on map order.
 */
export function pickAgent(agents: Iterable<RoutableAgent>, queue: string, config: RoutingConfig, loadOf: (personId: string) => number): RoutableAgent | null {
  let best: { agent: RoutableAgent; load: number } | null = null;
  for (const agent of agents) {
    if (agent.status !== 'online' || !serves(config, queue, agent.person)) continue;
    const load = loadOf(agent.person.id);
    if (load >= capacityOf(agent, config)) continue;
    const better =
      !best ||
      load < best.load ||
      (load === best.load && (agent.idleSince < best.agent.idleSince || (agent.idleSince === best.agent.idleSince && agent.person.id < best.agent.person.id)));
    if (better) best = { agent, load };
  }
  return best?.agent ?? null;
}
