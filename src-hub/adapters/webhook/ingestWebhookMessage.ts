import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { Customer } from '../../../src-shared/domain/conversation.js';
import type { HubContext } from '../../context.js';
import { newConversation, recordCustomerTurn } from '../../conversations/recordCustomerTurn.js';
import { findCustomerWithLatest, upsertCustomer } from '../../store/customers.js';
import type { Queryable } from '../../store/database.js';
import { findInboundEvent, insertInboundEvent, type InboundOutcome } from '../../store/webhookInbound.js';
import type { InboundMessage } from './inboundMessage.js';

/**
 * Platform customers share the customers table with web-chat visitors and mail
 * senders, keyed by `<channel>:<platform id>` (`taobao:张三`). Widget visitor ids
 * cannot contain ':', so a browser can never open a shop customer's history.
 */
export const platformCustomerKey = (channel: string, platformId: string): string => `${channel}:${platformId}`;

/** The platform id back from a customer key (what the callback payload names). */
export const platformIdOf = (key: string): string => key.slice(key.indexOf(':') + 1);

/**
 * One signed inbound message: continue the customer's open conversation or start
 * one, through the same path as every channel. An eventId seen before changes
 * nothing and answers with what it became the first time.
 */
export function ingestWebhookMessage(ctx: HubContext, account: HubAccount, input: InboundMessage): Promise<InboundOutcome & { duplicate: boolean }> {
  return ctx.journal.record(account.id, async (writer) => {
    const { tx, at } = writer;
    const seen = await findInboundEvent(tx, account.id, input.eventId);
    if (seen) return { ...seen, duplicate: true };
    const known = await findCustomerWithLatest(tx, account.id, platformCustomerKey(account.channel, input.customer.id));
    const customer = await customerFor(ctx, tx, account, input.customer, known?.customer ?? null, at);
    const latest = known?.latest ?? null;
    // Phone and email as the platform gives them now: the workstation matches people across channels with them.
    const conversation = latest && latest.status !== 'resolved' ? { ...latest, customer } : newConversation(ctx, account, customer, at, null);
    const { message } = await recordCustomerTurn(ctx, writer, { account, customer, conversation, text: input.text });
    const outcome = { conversationId: message.conversationId, messageId: message.id };
    await insertInboundEvent(tx, { ...outcome, accountId: account.id, eventId: input.eventId, sentAt: input.sentAt, receivedAt: at });
    return { ...outcome, duplicate: false };
  });
}

async function customerFor(
  ctx: HubContext,
  tx: Queryable,
  account: HubAccount,
  from: InboundMessage['customer'],
  known: Customer | null,
  now: number,
): Promise<Customer> {
  const key = platformCustomerKey(account.channel, from.id);
  const saved = known && known.name === from.name ? known : await upsertCustomer(tx, { accountId: account.id, visitorId: key, id: known?.id ?? ctx.newId('cu'), name: from.name, now });
  return { ...saved, ...(from.phone ? { phone: from.phone } : {}), ...(from.email ? { email: from.email.toLowerCase() } : {}) };
}
