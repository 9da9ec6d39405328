import { describe, expect, it } from 'vitest';
import { message } from '../../db/testing.js';
import { arrivedSince, latestAt } from './sendGuard.js';

const me = { kind: 'agent' as const, id: 'alice', name: 'Alice' };
const mate = { kind: 'agent' as const, id: 'bob', name: 'Bob' };
const history = [message({ id: 'm1', createdAt: 100 }), message({ id: 'm2', createdAt: 200, author: me })];

describe('send guard', () => {
  it('takes the newest time the agent saw', () => {
    expect(latestAt(history)).toBe(200);
    expect(latestAt([])).toBe(0);
  });

  it.each([
    ['nothing new', history, 0],
    ['the customer wrote again', [...history, message({ id: 'm3', createdAt: 300 })], 1],
    ['a teammate replied', [...history, message({ id: 'm3', createdAt: 300, author: mate })], 1],
    ['only my own reply landed', [...history, message({ id: 'm3', createdAt: 300, author: me })], 0],
    ['the bot answered', [...history, message({ id: 'm3', createdAt: 300, author: { kind: 'bot', id: 'bot', name: 'Bot' } })], 1],
  ])('%s', (_name, messages, count) => {
    expect(arrivedSince(messages, 200, 'alice')).toHaveLength(count);
  });
});
