import { describe, expect, it } from 'vitest';
import type { SuggestionAction } from '../../../src-shared/index.js';
import { acceptanceByArticle } from './acceptance.js';

const fb = (articleId: string, action: SuggestionAction, vote: 'up' | 'down' | null = null) => ({ articleId, action, vote });

describe('acceptanceByArticle', () => {
  it('counts each action and vote per article and rates (inserted + edited) / shown, worst first', () => {
    const rows = [
      fb('shipping', 'inserted', 'up'),
      fb('shipping', 'edited'),
      fb('shipping', 'ignored'),
      fb('shipping', 'inserted', 'up'),
      fb('refund', 'ignored', 'down'),
      fb('refund', 'ignored'),
      fb('refund', 'edited', 'up'),
      fb('invoice', 'inserted'),
    ];
    expect(acceptanceByArticle(rows)).toEqual([
      { articleId: 'refund', shown: 3, inserted: 0, edited: 1, ignored: 2, up: 1, down: 1, rate: 1 / 3 },
      { articleId: 'shipping', shown: 4, inserted: 2, edited: 1, ignored: 1, up: 2, down: 0, rate: 0.75 },
      { articleId: 'invoice', shown: 1, inserted: 1, edited: 0, ignored: 0, up: 0, down: 0, rate: 1 },
    ]);
  });

  it('puts the more often shown first when rates tie', () => {
    const rows = [fb('a', 'ignored'), fb('b', 'ignored'), fb('b', 'ignored')];
    expect(acceptanceByArticle(rows).map((a) => a.articleId)).toEqual(['b', 'a']);
  });

  it('is empty without feedback', () => {
    expect(acceptanceByArticle([])).toEqual([]);
  });
});
