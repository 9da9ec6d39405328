import type { Server, Socket } from 'socket.io';
import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { Message } from '../../../src-shared/domain/message.js';
import { CustomerEvents, CustomerHandshake, CustomerSend, type CustomerHistory, type CustomerSendAck } from '../../../src-shared/hub/customer.js';
import { CUSTOMER_NAMESPACE } from '../../../src-shared/hub/events.js';
import { describeZodError } from '../../../src-shared/result.js';
import { refusalError } from '../../auth/refusal.js';
import type { HubContext } from '../../context.js';
import { DEFAULT_CONNECTION_LIMITS, limitConnection, RATE_LIMITED } from '../../limits/connectionLimit.js';
import type { RateLimit } from '../../limits/tokenBucket.js';
import { resolveAttachments } from '../../attachments/resolveAttachments.js';
import { createCustomerMessageQueue, type CustomerMessageInput } from '../../conversations/postCustomerMessage.js';
import type { CoalescingQueue } from '../../events/coalescingQueue.js';
import { findAccount } from '../../store/accounts.js';
import { findLatestConversationOf } from '../../store/conversations.js';
import { findCustomerByVisitor } from '../../store/customers.js';
import { listMessages } from '../../store/messages.js';
import { toCustomerMessage, visitorRoom } from './customerView.js';
import { relayToVisitors } from './relayToVisitors.js';

interface Visitor {
  account: HubAccount;
  handshake: CustomerHandshake;
}

/** Whether a new conversation starts with the bot (the hub's first-line bot decides per account). */
export type StartStatus = (account: HubAccount) => 'bot' | 'open';

/** Namespace /customer: the web-chat widget's anonymous visitors. */
export function registerCustomerNamespace(
  io: Server,
  ctx: HubContext,
  startStatus: StartStatus = () => 'open',
  messageLimit: RateLimit | null = DEFAULT_CONNECTION_LIMITS.customerMessages,
): () => void {
  const nsp = io.of(CUSTOMER_NAMESPACE);
  // Visitors' messages that arrive together are stored together, each acked only after the commit.
  const messages = createCustomerMessageQueue(ctx);

  nsp.use((socket, next) => {
    const handshake = CustomerHandshake.safeParse(socket.handshake.auth);
    if (!handshake.success) return next(refusalError('auth/invalid-handshake'));
    findAccount(ctx.db, handshake.data.accountId).then(
      (account) => {
        if (!account) return next(refusalError('auth/unknown-account'));
        socket.data.visitor = { account, handshake: handshake.data } satisfies Visitor;
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });

  nsp.on('connection', (socket) => {
    const visitor = socket.data.visitor as Visitor;
    void socket.join(visitorRoom(visitor.account.id, visitor.handshake.visitorId));
    const mayGoAhead = limitConnection(messageLimit, ctx.now, () => ctx.log(`rate limited: widget socket of a visitor on ${visitor.account.id}`));
    socket.on(CustomerEvents.send, (payload: unknown, ack: unknown) => {
      if (mayGoAhead()) return void onSend(ctx, messages, visitor, startStatus, payload, ack);
      if (typeof ack === 'function') (ack as (value: CustomerSendAck) => void)({ ok: false, error: RATE_LIMITED });
    });
    sendHistory(ctx, socket, visitor).catch((error: unknown) => ctx.log(`widget history failed: ${String(error)}`));
  });

  return relayToVisitors(ctx, nsp);
}

async function onSend(
  ctx: HubContext,
  messages: CoalescingQueue<CustomerMessageInput, Message>,
  visitor: Visitor,
  startStatus: StartStatus,
  payload: unknown,
  ack: unknown,
): Promise<void> {
  const reply = typeof ack === 'function' ? (ack as (value: CustomerSendAck) => void) : () => {};
  const input = CustomerSend.safeParse(payload);
  if (!input.success) return reply({ ok: false, error: { code: 'validation', message: describeZodError(input.error) } });
  try {
    // An id is the SHA-256 of the bytes: naming one means having the image already, so no other chat's image leaks this way.
    const attachments = await resolveAttachments(ctx.db, visitor.account.id, input.data.attachments);
    if (!attachments.ok) return reply(attachments);
    const message = await messages.push(visitor.account.id, {
      account: visitor.account,
      visitorId: visitor.handshake.visitorId,
      visitorName: visitor.handshake.name,
      text: input.data.text,
      attachments: attachments.value,
      startStatus: startStatus(visitor.account),
    });
    reply({ ok: true, message: toCustomerMessage(message) });
  } catch (error) {
    ctx.log(`customer message failed: ${String(error)}`);
    reply({ ok: false, error: { code: 'internal', message: 'the message could not be saved' } });
  }
}

/** The visitor's latest conversation, so a reload or a second tab shows what was said. */
async function sendHistory(ctx: HubContext, socket: Socket, visitor: Visitor): Promise<void> {
  const accountId = visitor.account.id;
  const customer = await findCustomerByVisitor(ctx.db, accountId, visitor.handshake.visitorId);
  const conversation = customer ? await findLatestConversationOf(ctx.db, accountId, customer.id) : null;
  const messages = conversation ? await listMessages(ctx.db, accountId, conversation.id, { includePrivate: false }) : [];
  socket.emit(CustomerEvents.history, { messages: messages.map(toCustomerMessage) } satisfies CustomerHistory);
}
