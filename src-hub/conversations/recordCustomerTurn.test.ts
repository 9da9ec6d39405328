import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { HubContext } from '../context.js';
import { memoryContext } from '../testing/memoryContext.js';
import { assignConversation } from './assignConversation.js';
import { postCustomerMessage } from './postCustomerMessage.js';
import { recordCustomerTurn } from './recordCustomerTurn.js';
import { resolveConversation } from './conversationStatus.js';
import { loadConversation } from './loadConversation.js';

let ctx: HubContext;
beforeAll(async () => {
  ({ ctx } = await memoryContext());
  await ctx.admin.createAccount(account);
});
afterAll(() => ctx.db.close());

const account = { id: 'mail-shop', name: 'Mail shop', channel: 'email' as const };
const customer = { id: 'cu_1', name: '王小明' };

const load = async (id: string): Promise<Conversation> => {
  const found = await loadConversation(ctx.db, account.id, id);
  if (!found.ok) throw new Error(found.error.message);
  return found.value;
};

it('a customer writing into a resolved conversation (a mail reply in its thread) reopens it, queued and unassigned', async () => {
  const { conversationId } = await postCustomerMessage(ctx, { account, visitorId: 'email-wang-0001', visitorName: '王小明', text: '发票问题' });
  await assignConversation(ctx, { accountId: account.id, conversationId, to: { id: 'alice', name: 'Alice', role: 'agent' } });
  await resolveConversation(ctx, { accountId: account.id, conversationId });
  expect(await load(conversationId)).toMatchObject({ status: 'resolved', owner: 'human', assigneeId: 'alice', waitingSince: null });

  const resolved = await load(conversationId);
  const { conversation } = await ctx.journal.record(account.id, (writer) =>
    recordCustomerTurn(ctx, writer, { account, customer, conversation: resolved, text: '还有一个问题' }),
  );
  expect(conversation).toMatchObject({ status: 'open', owner: 'queued', queue: 'general', assigneeId: null, assigneeName: null });
  expect(conversation.waitingSince).toBe(conversation.lastActivityAt);
  expect(await load(conversationId)).toEqual(conversation);
});
