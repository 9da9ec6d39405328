import type { HubAccount } from '../../src-shared/domain/account.js';
import type { Attachment } from '../../src-shared/domain/attachment.js';
import type { Conversation, Customer } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import type { JournalWriter } from '../events/journal.js';
import { saveConversations } from '../store/conversations.js';
import { findCustomersWithLatest, upsertCustomer } from '../store/customers.js';
import { insertMessages } from '../store/messages.js';
import { startOwnership } from './ownership.js';
import { customerTurn, newConversation } from './recordCustomerTurn.js';

/** A customer's message as it arrives on a channel (widget, webhook), before the hub files it. */
export interface Arrival {
  /** The customer's key within the account: the widget's visitor id, `taobao:<id>` for a platform shopper. */
  visitorId: string;
  /** The name to store, given the customer already known (null: a new one); null keeps the known customer as it is. */
  nameFor(known: Customer | null): string | null;
  /** Phone and email as the channel gives them now: on the conversation's customer, not the customers row. */
  contact?: { phone?: string; email?: string };
  /** How a new conversation starts (the first-line bot or the queue); none: as newConversation makes it. */
  start?: 'bot' | 'open';
  text: string;
  /** Images the customer sent, already verified and stored. */
  attachments?: Attachment[] | undefined;
}

/**
 * Customer messages of one account, in order, inside the caller's journal
 * record, each exactly as if it came alone (a later one sees what an earlier one
 * did): it continues the customer's open conversation or starts one, and agents
 * get `conversation.upsert` then `message.created`. The reads and writes are one
 * statement per table for the whole list (new or renamed customers aside), which
 * is what makes messages that arrive together cheap to store together.
 */
export async function recordCustomerTurns(ctx: HubContext, writer: JournalWriter, account: HubAccount, arrivals: readonly Arrival[]): Promise<Message[]> {
  const { tx, at } = writer;
  const known = await findCustomersWithLatest(tx, account.id, [...new Set(arrivals.map((arrival) => arrival.visitorId))]);
  const conversations = new Map<string, Conversation>();
  const messages: Message[] = [];
  for (const arrival of arrivals) {
    const prior = known.get(arrival.visitorId) ?? null;
    const name = arrival.nameFor(prior?.customer ?? null);
    const stored =
      name === null && prior
        ? prior.customer
        : await upsertCustomer(tx, { accountId: account.id, visitorId: arrival.visitorId, id: prior?.customer.id ?? ctx.newId('cu'), name: name ?? '', now: at });
    const customer: Customer = { ...stored, ...arrival.contact };
    const latest = prior?.latest ?? null;
    const fresh = () => newConversation(ctx, account, customer, at, null);
    // The customer as they are now (a name given since, today's phone) on the conversation they continue.
    const conversation = latest && latest.status !== 'resolved' ? { ...latest, customer } : arrival.start ? startOwnership(fresh(), arrival.start) : fresh();
    const turn = customerTurn(ctx, at, { account, customer, conversation, text: arrival.text, attachments: arrival.attachments });
    await writer.append('conversation.upsert', turn.conversation);
    await writer.append('message.created', turn.message);
    // The customer's next message in this list continues from here, as a separate request would after this one.
    known.set(arrival.visitorId, { customer: stored, latest: turn.conversation });
    conversations.set(turn.conversation.id, turn.conversation);
    messages.push(turn.message);
  }
  await saveConversations(tx, [...conversations.values()]);
  await insertMessages(tx, messages);
  return messages;
}
