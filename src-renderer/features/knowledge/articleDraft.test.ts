import { describe, expect, it } from 'vitest';
import { articleOf, draftOf, newDraft } from './articleDraft.js';

describe('article drafts', () => {
  it('round-trips an article, questions one per line', () => {
    const article = { id: 'kb-1', accountId: 'a', kind: 'article' as const, title: '发货', body: '48 小时内发货', questions: ['什么时候发货', '多久发货'], language: 'zh-CN' as const, updatedAt: 1 };
    expect(articleOf(draftOf(article), article)).toEqual({ id: 'kb-1', kind: 'article', title: '发货', body: '48 小时内发货', questions: ['什么时候发货', '多久发货'], language: 'zh-CN' });
  });

  it.each([
    ['<script>alert(1)</script>您好', '您好'],
    ['<b>加粗</b>文字', '加粗 文字'],
    ['  plain  ', 'plain'],
  ])('sanitizes %j on save', (body, expected) => {
    expect(articleOf({ ...newDraft('canned'), title: 't', body }).body).toBe(expected);
  });

  it('drops empty question lines', () => {
    expect(articleOf({ ...newDraft('article'), title: 't', body: 'b', questions: 'a\n\n  \nb' }).questions).toEqual(['a', 'b']);
  });
});
