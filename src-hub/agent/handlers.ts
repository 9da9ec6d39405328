import type { HubCommandInput, HubCommandName, HubCommandOutput } from '../../src-shared/hub/commands.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import type { AgentIdentity } from '../auth/authenticateAgent.js';
import type { HubContext } from '../context.js';
import { assignConversation } from '../conversations/assignConversation.js';
import { escalateConversation } from '../conversations/escalateConversation.js';
import { handbackConversation } from '../conversations/handbackConversation.js';
import { postAgentMessage } from '../conversations/postAgentMessage.js';
import { reassignConversation } from '../conversations/reassignConversation.js';
import { markPending, reopenConversation, resolveConversation } from '../conversations/conversationStatus.js';
import { takeoverConversation } from '../conversations/takeoverConversation.js';
import { recordSuggestionFeedback } from '../feedback/recordSuggestionFeedback.js';
import { upsertKbArticle } from '../kb/upsertKbArticle.js';
import { recordAgentStatus } from '../routing/recordAgentStatus.js';

const NO_WEBHOOK_CHANNEL = err('internal', 'the webhook channel is not running');

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
    assignConversation(ctx, { accountId: caller.account.id, conversationId: input.conversationId, to: caller.person }),
  'conversation.takeover': (ctx, caller, input) =>
    takeoverConversation(ctx, { accountId: caller.account.id, conversationId: input.conversationId, by: caller.person }),
  'conversation.handback': (ctx, caller, input) => handbackConversation(ctx, { ...input, account: caller.account, by: caller.person }),
  'conversation.assign': (ctx, caller, input) => reassignConversation(ctx, { ...input, accountId: caller.account.id, by: caller.person }),
  'conversation.resolve': (ctx, caller, input) => resolveConversation(ctx, { accountId: caller.account.id, ...input }),
  'conversation.reopen': (ctx, caller, input) => reopenConversation(ctx, { accountId: caller.account.id, by: caller.person, ...input }),
  'conversation.markPending': (ctx, caller, input) => markPending(ctx, { accountId: caller.account.id, by: caller.person, ...input }),
  'conversation.escalate': (ctx, caller, input) => escalateConversation(ctx, { ...input, accountId: caller.account.id, by: caller.person }),
  'agent.status': (ctx, caller, input) => recordAgentStatus(ctx, caller, input),
  'suggestion.feedback': (ctx, caller, input) =>
    recordSuggestionFeedback(ctx, { accountId: caller.account.id, byId: caller.person.id, feedback: input }),
  'kb.upsert': (ctx, caller, input) => upsertKbArticle(ctx, caller.account.id, input, caller.person),
  'delivery.deadLetters': async (ctx, caller) =>
    ctx.deadLetters ? ok({ deadLetters: await ctx.deadLetters.list(caller.account.id) }) : NO_WEBHOOK_CHANNEL,
  'delivery.retry': (ctx, caller, input) =>
    ctx.deadLetters ? ctx.deadLetters.retry(caller.account.id, input.id, caller.person) : Promise.resolve(NO_WEBHOOK_CHANNEL),
};
