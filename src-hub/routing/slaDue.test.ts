import { describe, expect, it } from 'vitest';
import type { RoutedConversation } from './routedConversation.js';
import { slaDueOf } from './slaDue.js';

const sla = { firstResponseMs: 60_000, nextResponseMs: 120_000 };
const conversation = (overrides: Partial<RoutedConversation>): RoutedConversation => ({
  id: 'c1',
  queue: 'general',
  owner: 'queued',
  assigneeId: null,
  queuedAt: 0,
  humanSince: 0,
  unansweredSince: 1_000,
  agentReplied: false,
  ...overrides,
});

describe('slaDueOf', () => {
  it.each([
    ['first response from the first unanswered line', {}, { kind: 'first-response', dueAt: 61_000 }],
    ['next response once an agent replied', { agentReplied: true, owner: 'human' as const }, { kind: 'next-response', dueAt: 121_000 }],
    ['from the hand-over when the bot let go later', { humanSince: 50_000 }, { kind: 'first-response', dueAt: 110_000 }],
    ['none while the bot holds it', { owner: 'bot' as const }, null],
    ['none when nothing is unanswered', { unansweredSince: null }, null],
  ])('%s', (_case, overrides, expected) => {
    expect(slaDueOf(conversation(overrides), sla)).toEqual(expected);
  });
});
