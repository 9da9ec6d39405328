import { detectLanguage } from '../../src-shared/ai/index.js';
import { ownershipOf } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import { findConversation } from '../store/conversations.js';
import { listMessages } from '../store/messages.js';
import type { BotKnowledge } from './botKnowledge.js';
import type { ResolvedBotOptions } from './botOptions.js';
import { decideReply, handoverText, type BotDecision, type HandoverReason } from './decideReply.js';
import { postBotMessage } from './postBotMessage.js';

export type BotJob = { kind: 'reply'; message: Message } | { kind: 'handover'; reason: HandoverReason };

/**
 * One job for one conversation: read what was said (outside any transaction),
 * decide, then post, where the conversation's state is checked again.
 */
export async function runBotJob(
  deps: { ctx: HubContext; knowledge: BotKnowledge; options: ResolvedBotOptions },
  accountId: string,
  conversationId: string,
  job: BotJob,
): Promise<void> {
  const { ctx, knowledge, options } = deps;
  const conversation = await findConversation(ctx.db, accountId, conversationId);
  if (!conversation || conversation.status === 'resolved' || ownershipOf(conversation) !== 'bot') return;
  const history = await listMessages(ctx.db, accountId, conversationId, { includePrivate: false });
  const first = !history.some((m) => m.author.kind === 'bot');
  const engine = knowledge.engineOf(accountId);

  let decision: BotDecision;
  if (job.kind === 'handover' || !engine) {
    const lastCustomer = history.findLast((m) => m.author.kind === 'customer');
    const reason = job.kind === 'handover' ? job.reason : 'no-answer';
    decision = { kind: 'handover', reason, text: handoverText(reason, detectLanguage(lastCustomer?.text ?? ''), first) };
  } else {
    const at = history.findIndex((m) => m.id === job.message.id);
    const before = at >= 0 ? history.slice(0, at) : history;
    const lastBot = before.findLastIndex((m) => m.author.kind === 'bot');
    const customerTexts = (list: Message[]) => list.filter((m) => m.author.kind === 'customer').map((m) => m.text);
    const turn = { text: job.message.text, answered: customerTexts(before.slice(0, lastBot + 1)), context: customerTexts(before), first };
    decision = decideReply(engine, turn, options.minConfidence);
  }
  await postBotMessage(ctx, { accountId, conversationId, decision, botName: options.name });
}
