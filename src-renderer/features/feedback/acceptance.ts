import type { SuggestionFeedbackRow } from '../../db/suggestionFeedback.js';

/** How one article's suggestions fared, over every agent of the account. */
export interface ArticleAcceptance {
  articleId: string;
  shown: number;
  inserted: number;
  edited: number;
  ignored: number;
  up: number;
  down: number;
  /** (inserted + edited) / shown: an edited answer still helped. */
  rate: number;
}

/** One entry per article that has feedback, worst acceptance first (what a lead fixes first). */
export function acceptanceByArticle(rows: readonly Pick<SuggestionFeedbackRow, 'articleId' | 'action' | 'vote'>[]): ArticleAcceptance[] {
  const byArticle = new Map<string, ArticleAcceptance>();
  for (const { articleId, action, vote } of rows) {
    const a = byArticle.get(articleId) ?? { articleId, shown: 0, inserted: 0, edited: 0, ignored: 0, up: 0, down: 0, rate: 0 };
    a.shown++;
    a[action]++;
    if (vote) a[vote]++;
    byArticle.set(articleId, a);
  }
  const all = [...byArticle.values()].map((a) => ({ ...a, rate: (a.inserted + a.edited) / a.shown }));
  // Ties: the more often shown first, since more customers met it.
  return all.sort((a, b) => a.rate - b.rate || b.shown - a.shown || a.articleId.localeCompare(b.articleId));
}
