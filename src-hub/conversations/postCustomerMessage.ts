import type { HubAccount } from '../../src-shared/domain/account.js';
import type { Attachment } from '../../src-shared/domain/attachment.js';
import type { Customer } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import { findCustomerWithLatest, upsertCustomer } from '../store/customers.js';
import type { Queryable } from '../store/database.js';
import { startOwnership } from './ownership.js';
import { newConversation, recordCustomerTurn } from './recordCustomerTurn.js';

export interface CustomerMessageInput {
  account: HubAccount;
  visitorId: string;
  visitorName: string | undefined;
  text: string;
  /** Images the visitor uploaded, already resolved against the store. */
  attachments?: Attachment[] | undefined;
  /** A new conversation starts with the bot (`bot`) or in the first-line queue (`open`, the default). */
  startStatus?: 'bot' | 'open';
}

/**
 * A customer wrote: continue their open conversation or start a new one, and
 * append `conversation.upsert` then `message.created` so agents see both.
 */
export function postCustomerMessage(ctx: HubContext, input: CustomerMessageInput): Promise<Message> {
  const { account } = input;
  return ctx.journal.record(account.id, async (writer) => {
    const { tx, at } = writer;
    const known = await findCustomerWithLatest(tx, account.id, input.visitorId);
    const customer = await customerFor(ctx, tx, input, known?.customer ?? null, at);
    const latest = known?.latest ?? null;
    // The visitor may have given a name since: the conversation shows the customer as they are now.
    const conversation =
      latest && latest.status !== 'resolved'
        ? { ...latest, customer }
        : startOwnership(newConversation(ctx, account, customer, at, null), input.startStatus ?? 'open');
    return (await recordCustomerTurn(ctx, writer, { account, customer, conversation, text: input.text, attachments: input.attachments })).message;
  });
}

async function customerFor(ctx: HubContext, tx: Queryable, input: CustomerMessageInput, known: Customer | null, now: number): Promise<Customer> {
  if (known && (input.visitorName === undefined || input.visitorName === known.name)) return known;
  // Visitors are anonymous until they give a name: "访客 1a2b" is how agents tell them apart.
  const name = input.visitorName ?? known?.name ?? `访客 ${input.visitorId.slice(-4)}`;
  return upsertCustomer(tx, { accountId: input.account.id, visitorId: input.visitorId, id: known?.id ?? ctx.newId('cu'), name, now });
}
