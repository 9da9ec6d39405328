import { describe, expect, it } from 'vitest';
import { message } from '../../db/testing.js';
import { groupHits } from './groupHits.js';

describe('groupHits', () => {
  it.each([
    ['no hits', [], []],
    ['one conversation', [['m3', 'c1'], ['m1', 'c1']], [['c1', ['m3', 'm1']]]],
    [
      'conversations in order of their newest hit',
      [['m5', 'c2'], ['m4', 'c1'], ['m3', 'c2']],
      [['c2', ['m5', 'm3']], ['c1', ['m4']]],
    ],
  ] as const)('%s', (_name, hits, expected) => {
    const groups = groupHits(hits.map(([id, conversationId]) => message({ id, conversationId })));
    expect(groups.map((g) => [g.conversationId, g.messages.map((m) => m.id)])).toEqual(expected);
  });
});
