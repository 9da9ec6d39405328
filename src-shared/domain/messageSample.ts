import type { Message } from './message.js';

/** A valid stored message for tests on every layer: a customer's line, with `over` on top. */
export const sampleMessage = (over: Partial<Message> = {}): Message => ({
  id: 'm1',
  conversationId: 'c1',
  accountId: 'shop-a',
  clientId: null,
  author: { kind: 'customer', id: 'v1', name: '王女士' },
  text: '你好，我的快递到哪了？',
  private: false,
  status: 'sent',
  createdAt: 1_000,
  ...over,
});
