import { stripHtml } from '../../../src-shared/ai/index.js';
import type { HubCommandInput, KbArticle } from '../../../src-shared/index.js';

export type KbKind = KbArticle['kind'];

/** What the editor holds: questions as one text, one per line. */
export interface ArticleDraft {
  id: string;
  kind: KbKind;
  title: string;
  body: string;
  questions: string;
}

export const newDraft = (kind: KbKind): ArticleDraft => ({ id: `kb-${crypto.randomUUID().slice(0, 12)}`, kind, title: '', body: '', questions: '' });

export const draftOf = (a: KbArticle): ArticleDraft => ({ id: a.id, kind: a.kind, title: a.title, body: a.body, questions: a.questions.join('\n') });

/** Markup pasted into an answer is dropped on save: answers are plain text, sent as such to customers. */
export function articleOf(draft: ArticleDraft, original?: KbArticle): HubCommandInput<'kb.upsert'> {
  const clean = (s: string) => stripHtml(s).trim();
  return {
    ...(original?.language ? { language: original.language } : {}),
    ...(original?.tags ? { tags: original.tags } : {}),
    ...(original?.variantOf ? { variantOf: original.variantOf } : {}),
    id: draft.id,
    kind: draft.kind,
    title: clean(draft.title),
    body: clean(draft.body),
    questions: draft.questions.split('\n').map(clean).filter(Boolean).slice(0, 200),
  };
}
