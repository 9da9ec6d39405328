import type { HubAccount } from '../../src-shared/domain/account.js';
import type { Attachment } from '../../src-shared/domain/attachment.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import { createCoalescingQueue, type CoalescingQueue } from '../events/coalescingQueue.js';
import { recordCustomerTurns, type Arrival } from './recordCustomerTurns.js';

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

/** A widget visitor's message as an arrival: anonymous ("访客 1a2b") until they give a name, renamed when they give another. */
const arrivalOf = (input: CustomerMessageInput): Arrival => ({
  visitorId: input.visitorId,
  nameFor: (known) => {
    if (known && (input.visitorName === undefined || input.visitorName === known.name)) return null;
    // Visitors are anonymous until they give a name: "访客 1a2b" is how agents tell them apart.
    return input.visitorName ?? known?.name ?? `访客 ${input.visitorId.slice(-4)}`;
  },
  start: input.startStatus ?? 'open',
  text: input.text,
  attachments: input.attachments,
});

/**
 * A customer wrote: continue their open conversation or start a new one, and
 * append `conversation.upsert` then `message.created` so agents see both.
 */
export async function postCustomerMessage(ctx: HubContext, input: CustomerMessageInput): Promise<Message> {
  return (await postCustomerMessages(ctx, input.account, [input]))[0]!;
}

/** Several messages of one account in one journal record, each as if it came alone (recordCustomerTurns). */
export function postCustomerMessages(ctx: HubContext, account: HubAccount, inputs: readonly CustomerMessageInput[]): Promise<Message[]> {
  return ctx.journal.record(account.id, (writer) => recordCustomerTurns(ctx, writer, account, inputs.map(arrivalOf)));
}

/** Messages of an account that arrive while its previous ones are being stored share one record (createCoalescingQueue). */
export const MAX_CUSTOMER_BATCH = 64;

export function createCustomerMessageQueue(ctx: HubContext): CoalescingQueue<CustomerMessageInput, Message> {
  return createCoalescingQueue((_accountId, inputs) => postCustomerMessages(ctx, inputs[0]!.account, inputs), MAX_CUSTOMER_BATCH);
}
