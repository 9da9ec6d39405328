import { expect, it } from 'vitest';
import type { Conversation } from '../../src-shared/domain/conversation.js';
import { mayMoveOn, startOwnership, withOwner, type OwnerChange } from './ownership.js';

const alice = { id: 'alice', name: 'Alice' };
const base: Conversation = {
  id: 'c_1',
  accountId: 'shop',
  channel: 'webchat',
  customer: { id: 'cu_1', name: '访客' },
  status: 'open',
  assigneeId: 'bob',
  assigneeName: 'Bob',
  subject: null,
  createdAt: 1,
  lastActivityAt: 2,
  lastMessagePreview: '你好',
  owner: 'human',
  queue: 'tier2',
  waitingSince: 2,
};

it.each<[string, OwnerChange, Partial<Conversation>]>([
  ['the bot', { owner: 'bot' }, { owner: 'bot', status: 'bot', assigneeId: null, assigneeName: null, queue: 'tier2' }],
  ['its queue', { owner: 'queued' }, { owner: 'queued', status: 'open', assigneeId: null, queue: 'tier2' }],
  ['another queue', { owner: 'queued', queue: 'general' }, { owner: 'queued', status: 'open', assigneeId: null, queue: 'general' }],
  ['a person', { owner: 'human', person: alice }, { owner: 'human', status: 'open', assigneeId: 'alice', assigneeName: 'Alice' }],
  ['a supervisor', { owner: 'supervisor', person: alice }, { owner: 'supervisor', status: 'open', assigneeId: 'alice' }],
])('handed to %s, status, assignee and owner agree', (_to, change, expected) => {
  const after = withOwner(base, change);
  expect(after).toMatchObject(expected);
  expect(after.waitingSince).toBe(2);
});

it('a new conversation starts with the bot (with a fresh record) or queued in general', () => {
  expect(startOwnership(base, 'bot')).toMatchObject({ owner: 'bot', status: 'bot', queue: 'general', assigneeId: null, bot: { turns: 0 } });
  expect(startOwnership(base, 'open')).toMatchObject({ owner: 'queued', status: 'open', queue: 'general', assigneeId: null });
});

it.each([
  ['agent', 'bob', true],
  ['agent', 'carol', false],
  ['lead', 'carol', true],
  ['supervisor', 'carol', true],
])('a %s named %s may escalate Bob’s conversation: %s', (role, id, allowed) => {
  expect(mayMoveOn({ id, role }, base)).toBe(allowed);
  expect(mayMoveOn({ id, role }, withOwner(base, { owner: 'queued' }))).toBe(true);
});
