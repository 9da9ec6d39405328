import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';
import { articleOf, type ArticleDraft } from './articleDraft.js';

interface Props {
  accountId: string;
  initial: ArticleDraft;
  original: KbArticle | undefined;
  canEdit: boolean;
}

/** One article's form. Saving goes through the hub (which checks the role); the list updates from kb.changed. */
export function KnowledgeEditor({ accountId, initial, original, canEdit }: Props) {
  const { t } = useTranslation();
  const { bridge, inbox } = useServices();
  const errorText = useErrorText();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const field = (key: 'title' | 'body' | 'questions') => ({
    value: draft[key],
    readOnly: !canEdit,
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });

  const save = async () => {
    setBusy(true);
    const result = await bridge.kb.upsert({ accountId, article: articleOf(draft, original) });
    setBusy(false);
    inbox.getState().notify(result.ok ? t('knowledge.saved') : errorText(result.error), !result.ok);
  };

  return (
    <form className="kb-editor" data-testid="kb-editor" onSubmit={(e) => (e.preventDefault(), void save())}>
      <label>
        {t('knowledge.fieldTitle')}
        <input data-testid="kb-title" required maxLength={300} {...field('title')} />
      </label>
      <label>
        {t('knowledge.fieldBody')}
        <textarea data-testid="kb-body" required rows={6} maxLength={20_000} {...field('body')} />
      </label>
      {draft.kind === 'article' && (
        <label>
          {t('knowledge.fieldQuestions')}
          <textarea data-testid="kb-questions" rows={4} {...field('questions')} />
        </label>
      )}
      {!canEdit && <p className="muted">{t('knowledge.leadsOnly')}</p>}
      <button type="submit" data-testid="kb-save" disabled={!canEdit || busy || !draft.title.trim() || !draft.body.trim()}>
        {t('knowledge.save')}
      </button>
    </form>
  );
}
