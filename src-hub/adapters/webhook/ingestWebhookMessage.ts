import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { HubContext } from '../../context.js';
import { recordCustomerTurns, type Arrival } from '../../conversations/recordCustomerTurns.js';
import { findInboundEvents, insertInboundEvents, type InboundOutcome } from '../../store/webhookInbound.js';
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
 * by one (recordCustomerTurns). An eventId seen before, earlier in the list too,
 * changes nothing and answers with what it became the first time.
 * `verifiedWith`: the secret the requests were checked with; if it is no longer
 * the account's, nothing is stored (StaleSecretError).
 */
export function ingestWebhookMessages(ctx: HubContext, account: HubAccount, inputs: readonly InboundMessage[], verifiedWith: string): Promise<IngestOutcome[]> {
  return ctx.journal.record(account.id, async (writer) => {
    const { tx, at } = writer;
    await assertSecretCurrent(tx, account.id, verifiedWith);
    const seen = await findInboundEvents(tx, account.id, inputs.map((input) => input.eventId));
    // The first of each new eventId is stored; a repeat (stored before, or earlier in this list) points at it.
    const firstAt = new Map<string, number>();
    const fresh: InboundMessage[] = [];
    inputs.forEach((input, i) => {
      if (seen.has(input.eventId) || firstAt.has(input.eventId)) return;
      firstAt.set(input.eventId, i);
      fresh.push(input);
    });
    const messages = await recordCustomerTurns(ctx, writer, account, fresh.map((input) => arrivalOf(account, input)));
    const stored = new Map(fresh.map((input, k) => [input.eventId, { conversationId: messages[k]!.conversationId, messageId: messages[k]!.id }]));
    await insertInboundEvents(
      tx,
      fresh.map((input) => ({ ...stored.get(input.eventId)!, accountId: account.id, eventId: input.eventId, sentAt: input.sentAt, receivedAt: at })),
    );
    return inputs.map((input, i) => {
      const outcome = seen.get(input.eventId) ?? stored.get(input.eventId)!;
      return { ...outcome, duplicate: firstAt.get(input.eventId) !== i };
    });
  });
}

/** A platform shopper's message: known by `<channel>:<id>`, renamed when the platform's name changes, contacts as given now. */
const arrivalOf = (account: HubAccount, input: InboundMessage): Arrival => ({
  visitorId: platformCustomerKey(account.channel, input.customer.id),
  nameFor: (known) => (known && known.name === input.customer.name ? null : input.customer.name),
  // Phone and email as the platform gives them now: the workstation matches people across channels with them.
  contact: { ...(input.customer.phone ? { phone: input.customer.phone } : {}), ...(input.customer.email ? { email: input.customer.email.toLowerCase() } : {}) },
  text: input.text,
});
