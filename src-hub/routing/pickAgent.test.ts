import { describe, expect, it } from 'vitest';
import type { Role } from '../../src-shared/domain/account.js';
import type { PresenceStatus } from '../../src-shared/domain/queue.js';
import { pickAgent, type RoutableAgent } from './pickAgent.js';
import { RoutingConfig } from './routingConfig.js';

const agent = (id: string, status: PresenceStatus, idleSince: number, capacity: number | null = null, role: Role = 'agent'): RoutableAgent => ({
  person: { id, name: id, role },
  status,
  capacity,
  idleSince,
});
const config = RoutingConfig.parse({ defaultCapacity: 2, queues: [{ key: 'vip', members: ['bob'] }] });

describe('pickAgent', () => {
  it.each([
    ['the least loaded', [agent('ann', 'online', 1), agent('bob', 'online', 2)], { ann: 1, bob: 0 }, 'general', 'bob'],
    ['on a tie, the longest idle', [agent('ann', 'online', 5), agent('bob', 'online', 2)], { ann: 0, bob: 0 }, 'general', 'bob'],
    ['on a full tie, the lowest id', [agent('bob', 'online', 2), agent('ann', 'online', 2)], {}, 'general', 'ann'],
    ['nobody at capacity (default 2)', [agent('ann', 'online', 1), agent('bob', 'online', 2)], { ann: 2, bob: 2 }, 'general', null],
    ['their own capacity over the default', [agent('ann', 'online', 1, 3)], { ann: 2 }, 'general', 'ann'],
    ['capacity 0 takes nothing', [agent('ann', 'online', 1, 0)], {}, 'general', null],
    ['never away or offline', [agent('ann', 'away', 1), agent('bob', 'offline', 1)], {}, 'general', null],
    ['agents do not serve the supervisor queue', [agent('ann', 'online', 1), agent('lee', 'online', 9, null, 'lead')], {}, 'supervisor', 'lee'],
    ['a members-only queue', [agent('ann', 'online', 1), agent('bob', 'online', 9)], {}, 'vip', 'bob'],
  ])('picks %s', (_case, agents, loads: Record<string, number>, queue, expected) => {
    expect(pickAgent(agents, queue, config, (id) => loads[id] ?? 0)?.person.id ?? null).toBe(expected);
  });
});
