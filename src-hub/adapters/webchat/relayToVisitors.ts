import type { Namespace } from 'socket.io';
import { CustomerEvents } from '../../../src-shared/hub/customer.js';
import type { HubContext } from '../../context.js';
import { findVisitorOfConversation } from '../../store/customers.js';
import { toCustomerMessage, visitorRoom } from './customerView.js';

/**
 * Every committed, non-private message of a web-chat conversation goes to the
 * visitor's open tabs, including the visitor's own (so a second tab stays in step).
 * Private notes stop here: this is the only road from the log to a customer.
 */
export function relayToVisitors(ctx: HubContext, customers: Namespace): () => void {
  return ctx.bus.subscribe(null, (accountId, event) => {
    if (event.type !== 'message.created' || event.data.private) return;
    const message = event.data;
    findVisitorOfConversation(ctx.db, accountId, message.conversationId).then(
      (visitorId) => {
        if (visitorId) customers.to(visitorRoom(accountId, visitorId)).emit(CustomerEvents.message, toCustomerMessage(message));
      },
      (error: unknown) => ctx.log(`relay to visitor failed: ${String(error)}`),
    );
  });
}
