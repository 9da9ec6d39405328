import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/hub/events.js';
import { newId } from '../auth/secrets.js';
import type { HubContext } from '../context.js';
import { assignConversation } from '../conversations/assignConversation.js';
import { escalateConversation } from '../conversations/escalateConversation.js';
import { handbackConversation } from '../conversations/handbackConversation.js';
import { reassignConversation } from '../conversations/reassignConversation.js';
import { takeoverConversation } from '../conversations/takeoverConversation.js';
import { postCustomerMessage } from '../conversations/postCustomerMessage.js';
import { memoryContext } from '../testing/memoryContext.js';
import type { BotDecision } from './decideReply.js';
import { postBotMessage } from './postBotMessage.js';

/** The hub's real services over an in-memory PGlite, without sockets: the order of records is ours to choose. */
let ctx: HubContext;
let events: HubEvent[];
beforeAll(async () => {
  ({ ctx, events } = await memoryContext());
  await ctx.admin.createAccount({ id: 'shop', name: 'Shop', channel: 'webchat' });
  await ctx.admin.issueToken({ accountId: 'shop', personId: agent.id, personName: agent.name, role: agent.role });
});
afterAll(() => ctx.db.close());

const account = { id: 'shop', name: 'Shop', channel: 'webchat' as const };
const answer: BotDecision = { kind: 'answer', text: '48小时内发货。', articleId: 'ship-01', confidence: 0.7 };
const handover: BotDecision = { kind: 'handover', reason: 'no-answer', text: '正在为您转接人工客服，请稍候…' };
const agent = { id: 'alice', name: 'Alice', role: 'agent' as const };
const lead = { id: 'lena', name: 'Lena', role: 'lead' as const };

async function botConversation(visitorId: string): Promise<string> {
  const message = await postCustomerMessage(ctx, { account, visitorId, visitorName: undefined, text: '什么时候发货', startStatus: 'bot' });
  return message.conversationId;
}
const ofConversation = (id: string) => events.filter((e) => 'conversationId' in e.data && e.data.conversationId === id);

describe('postBotMessage', () => {
  it('posts while the bot has the conversation', async () => {
    const conversationId = await botConversation('visitor-posts-01');
    expect(await postBotMessage(ctx, { accountId: 'shop', conversationId, decision: answer, botName: 'Bot' })).toBe(true);
    const [message, upsert] = events.slice(-2);
    expect(message).toMatchObject({ type: 'message.created', data: { conversationId, author: { kind: 'bot', id: 'bot', name: 'Bot' }, private: false } });
    // An answer leaves the conversation as it was: still the bot's, the preview still the customer's words.
    expect(upsert).toMatchObject({ type: 'conversation.upsert', data: { id: conversationId, status: 'bot', lastMessagePreview: '什么时候发货' } });
  });

  it.each([
    ['a claim', (id: string) => assignConversation(ctx, { accountId: 'shop', conversationId: id, to: agent, takeover: false })],
    ['a takeover', (id: string) => takeoverConversation(ctx, { accountId: 'shop', conversationId: id, by: { ...agent, role: 'supervisor' } })],
    ['a hand-over', (id: string) => postBotMessage(ctx, { accountId: 'shop', conversationId: id, decision: handover, botName: 'Bot' })],
    ['an escalation', (id: string) => escalateConversation(ctx, { accountId: 'shop', conversationId: id, target: 'tier2', reason: 'VIP', by: agent })],
    ['an assignment', (id: string) => reassignConversation(ctx, { accountId: 'shop', conversationId: id, assigneeId: 'alice', by: lead })],
    ['a hand-back to the queue', (id: string) => handbackConversation(ctx, { account, conversationId: id, to: 'queued', by: lead })],
  ])('stays silent when %s committed between its decision and its record', async (_what, before) => {
    const conversationId = await botConversation(newId('visitor'));
    const decided = answer; // decided while the conversation was still the bot's
    await before(conversationId);
    const count = ofConversation(conversationId).length;
    expect(await postBotMessage(ctx, { accountId: 'shop', conversationId, decision: decided, botName: 'Bot' })).toBe(false);
    expect(ofConversation(conversationId)).toHaveLength(count);
  });

  it('a hand-over puts the conversation in the queue, unassigned, with the message saying so', async () => {
    const conversationId = await botConversation('visitor-handover');
    expect(await postBotMessage(ctx, { accountId: 'shop', conversationId, decision: handover, botName: 'Bot' })).toBe(true);
    const last = events.slice(-2);
    expect(last[0]).toMatchObject({ type: 'message.created', data: { author: { kind: 'bot' }, text: handover.text } });
    expect(last[1]).toMatchObject({
      type: 'conversation.upsert',
      data: { status: 'open', owner: 'queued', assigneeId: null, bot: { turns: 1, handoverReason: 'no-answer' } },
    });
  });
});
