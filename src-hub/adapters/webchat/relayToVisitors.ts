import type { Namespace } from 'socket.io';
import { CustomerEvents } from '../../../src-shared/hub/customer.js';
import type { HubContext } from '../../context.js';
import { findVisitorOfConversation } from '../../store/customers.js';
import { toCustomerMessage, visitorRoom } from './customerView.js';

const MAX_REMEMBERED = 10_000;

/**
 * Every committed, non-private message of a web-chat conversation goes to the
 * visitor's open tabs, including the visitor's own (so a second tab stays in step).
 * Private notes stop here: this is the only road from the log to a customer.
 */
export function relayToVisitors(ctx: HubContext, customers: Namespace): () => void {
  // A conversation's visitor never changes: one read per conversation, not per message. The
  // promise is kept, not the value, so a message never overtakes an earlier one still being looked up.
  const visitors = new Map<string, Promise<string | null>>();
  const visitorOf = (accountId: string, conversationId: string) => {
    const key = `${accountId}/${conversationId}`;
    let visitor = visitors.get(key);
    if (!visitor) {
      if (visitors.size >= MAX_REMEMBERED) visitors.clear();
      visitor = findVisitorOfConversation(ctx.db, accountId, conversationId);
      visitors.set(key, visitor);
      visitor.catch(() => visitors.delete(key));
    }
    return visitor;
  };
  return ctx.bus.subscribe(null, (accountId, event) => {
    if (event.type !== 'message.created' || event.data.private) return;
    const message = event.data;
    visitorOf(accountId, message.conversationId).then(
      (visitorId) => {
        if (!visitorId) return;
        const room = visitorRoom(accountId, visitorId);
        // A broadcast encodes its packet before it looks for sockets: most customers (every
        // platform shopper) have no tab open here, so look first.
        if (!customers.adapter.rooms.has(room)) return;
        // `.local`: every node relays every committed message to its own sockets (the cluster bus brings
        // other nodes' commits here), so a broadcast through the Redis adapter would deliver it twice.
        customers.local.to(room).emit(CustomerEvents.message, toCustomerMessage(message));
      },
      (error: unknown) => ctx.log(`relay to visitor failed: ${String(error)}`),
    );
  });
}
