import type { HubCommandInput } from '../../src-shared/hub/commands.js';
import { ok, type Result } from '../../src-shared/result.js';
import type { AgentIdentity } from '../auth/authenticateAgent.js';
import type { HubContext } from '../context.js';
import { recordPresence } from './recordPresence.js';

/**
 * The `agent.status` command: online, away (keeps what they hold, gets nothing
 * new) or offline (what they hold goes back to the queues), optionally with a new
 * capacity. Routing hears the `agent.presence` event and reads the capacity back.
 */
export async function recordAgentStatus(ctx: HubContext, caller: AgentIdentity, input: HubCommandInput<'agent.status'>): Promise<Result<Record<string, never>>> {
  await recordPresence(ctx, { accountId: caller.account.id, person: caller.person, status: input.status, ...(input.capacity !== undefined ? { capacity: input.capacity } : {}) });
  return ok({});
}
