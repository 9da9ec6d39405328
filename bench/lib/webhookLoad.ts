/** The shopper messages the webhook benchmarks post: 200 shoppers writing several lines each (conversations continue and start). */
export const webhookMessage = (phase: string, i: number) => ({
  eventId: `${phase}-${i}`,
  customer: { id: `buyer-${i % 200}`, name: `买家${i % 200}` },
  text: `你好，我的订单 #${i} 还没发货，请帮我查一下。`,
  sentAt: Date.now(),
});

/** Request `i`'s body: one message, or (`batch` > 0) the batch of messages i·batch … i·batch + batch − 1. */
export const webhookBody = (phase: string, i: number, batch: number): unknown =>
  batch > 0 ? { messages: Array.from({ length: batch }, (_, k) => webhookMessage(phase, i * batch + k)) } : webhookMessage(phase, i);
