import type { HubCommandInput, HubCommandName, HubCommandOutput } from '../../src-shared/hub/commands.js';
import { ok, type Result } from '../../src-shared/result.js';
import type { AgentIdentity } from '../auth/authenticateAgent.js';
import type { HubContext } from '../context.js';
import { assignConversation } from '../conversations/assignConversation.js';
import { escalateConversation } from '../conversations/escalateConversation.js';
import { postAgentMessage } from '../conversations/postAgentMessage.js';
import { resolveConversation } from '../conversations/resolveConversation.js';
import { upsertKbArticle } from '../kb/upsertKbArticle.js';

export type CommandHandler<K extends HubCommandName> = (
  ctx: HubContext,
  caller: AgentIdentity,
  input: HubCommandInput<K>,
) => Promise<Result<HubCommandOutput<K>>>;

/** One line per command: input is already validated and the caller's role already checked. */
export const COMMAND_HANDLERS: { [K in HubCommandName]: CommandHandler<K> } = {
  'message.send': (ctx, caller, input) =>
    postAgentMessage(ctx, { ...input, accountId: caller.account.id, author: caller.person, private: false }),
  'note.add': (ctx, caller, input) => postAgentMessage(ctx, { ...input, accountId: caller.account.id, author: caller.person, private: true }),
  'conversation.claim': (ctx, caller, input) =>
    assignConversation(ctx, { accountId: caller.account.id, conversationId: input.conversationId, to: caller.person, takeover: false }),
  'conversation.takeover': (ctx, caller, input) =>
    assignConversation(ctx, { accountId: caller.account.id, conversationId: input.conversationId, to: caller.person, takeover: true }),
  'conversation.resolve': (ctx, caller, input) => resolveConversation(ctx, { accountId: caller.account.id, ...input }),
  'conversation.escalate': (ctx, caller, input) =>
    escalateConversation(ctx, { accountId: caller.account.id, ...input, byId: caller.person.id }),
  'agent.status': (ctx, caller, input) =>
    ctx.journal.record(caller.account.id, async ({ append }) => {
      await append('agent.presence', { personId: caller.person.id, status: input.status });
      return ok({});
    }),
  'kb.upsert': (ctx, caller, input) => upsertKbArticle(ctx, caller.account.id, input),
};
