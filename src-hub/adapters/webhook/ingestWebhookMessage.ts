import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { Conversation, Customer } from '../../../src-shared/domain/conversation.js';
import type { Message } from '../../../src-shared/domain/message.js';
import type { HubContext } from '../../context.js';
import { customerTurn, newConversation } from '../../conversations/recordCustomerTurn.js';
import { saveConversations } from '../../store/conversations.js';
import { findCustomersWithLatest, upsertCustomer } from '../../store/customers.js';
import type { Queryable } from '../../store/database.js';
import { insertMessages } from '../../store/messages.js';
import { findInboundEvents, insertInboundEvents, type InboundEventRow, type InboundOutcome } from '../../store/webhookInbound.js';
import type { InboundMessage } from './inboundMessage.js';
import { assertSecretCurrent } from './webhookAccountCache.js';

/**
 * Platform customers share the customers table with web-chat visitors and mail
 * senders, keyed by `<channel>:<platform id>` (`taobao:张三`). Widget visitor ids
 * cannot contain ':', so a browser can never open a shop customer's history.
 */
export const platformCustomerKey = (channel: string, platformId: string): string => `${channel}:${platformId}`;

/** The platform id back from a customer key (what the callback payload names). */
export const platformIdOf = (key: string): string => key.slice(key.indexOf(':') + 1);

export type IngestOutcome = InboundOutcome & { duplicate: boolean };


/**
 * Signed inbound messages of one account, in order, in one journal record: each
 * continues its customer's open conversation or starts one, as if they came one
 * by one (a later message sees what an earlier one did). An eventId seen before,
 * earlier in the list too, changes nothing and answers with what it became the
 * first time. The reads and writes are one statement per table for the whole
 * list (new or renamed customers aside), which is what makes a batch cheap.
 * `verifiedWith`: the secret the requests were checked with; if it is no longer
 * the account's, nothing is stored (StaleSecretError).
 */
export function ingestWebhookMessages(ctx: HubContext, account: HubAccount, inputs: readonly InboundMessage[], verifiedWith: string): Promise<IngestOutcome[]> {
  return ctx.journal.record(account.id, async (writer) => {
    const { tx, at } = writer;
    await assertSecretCurrent(tx, account.id, verifiedWith);
    const keyOf = (input: InboundMessage) => platformCustomerKey(account.channel, input.customer.id);
    const seen = await findInboundEvents(tx, account.id, inputs.map((input) => input.eventId));
    const known = await findCustomersWithLatest(tx, account.id, [...new Set(inputs.map(keyOf))]);
    const conversations = new Map<string, Conversation>();
    const messages: Message[] = [];
    const rows: InboundEventRow[] = [];
    const outcomes: IngestOutcome[] = [];
    for (const input of inputs) {
      const first = seen.get(input.eventId);
      if (first) {
        outcomes.push({ ...first, duplicate: true });
        continue;
      }
      const prior = known.get(keyOf(input));
      const customer = await customerFor(ctx, tx, account, input.customer, prior?.customer ?? null, at);
      const latest = prior?.latest ?? null;
      // Phone and email as the platform gives them now: the workstation matches people across channels with them.
      const conversation = latest && latest.status !== 'resolved' ? { ...latest, customer } : newConversation(ctx, account, customer, at, null);
      const turn = customerTurn(ctx, at, { account, customer, conversation, text: input.text });
      await writer.append('conversation.upsert', turn.conversation);
      await writer.append('message.created', turn.message);
      // The next message of this customer continues from here, as a separate request would after this one.
      known.set(keyOf(input), { customer: { id: customer.id, name: customer.name }, latest: turn.conversation });
      conversations.set(turn.conversation.id, turn.conversation);
      messages.push(turn.message);
      const outcome = { conversationId: turn.message.conversationId, messageId: turn.message.id };
      seen.set(input.eventId, outcome);
      rows.push({ ...outcome, accountId: account.id, eventId: input.eventId, sentAt: input.sentAt, receivedAt: at });
      outcomes.push({ ...outcome, duplicate: false });
    }
    await saveConversations(tx, [...conversations.values()]);
    await insertMessages(tx, messages);
    await insertInboundEvents(tx, rows);
    return outcomes;
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
