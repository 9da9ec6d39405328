import 'fake-indexeddb/auto';
import type { Conversation, HubEvent, Message } from '../../src-shared/index.js';
import { sampleMessage } from '../../src-shared/domain/messageSample.js';
import { WorkstationDb } from './schema.js';

/** A fresh database per test (fake-indexeddb: unit tests only; e2e uses Chromium's real IndexedDB). */
export const freshDb = () => new WorkstationDb(`test-${crypto.randomUUID()}`);

export const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  accountId: 'shop-a',
  channel: 'webchat',
  customer: { id: 'v1', name: '王女士' },
  status: 'open',
  assigneeId: null,
  assigneeName: null,
  subject: null,
  createdAt: 1_000,
  lastActivityAt: 1_000,
  lastMessagePreview: '你好',
  ...over,
});

/** A valid stored message (the shared contract's sample). */
export const message = sampleMessage;

export const upsert = (seq: number, over: Partial<Conversation> = {}): HubEvent => ({
  seq,
  type: 'conversation.upsert',
  at: seq,
  data: conversation(over),
});

export const created = (seq: number, over: Partial<Message> = {}): HubEvent => ({
  seq,
  type: 'message.created',
  at: seq,
  data: message(over),
});
