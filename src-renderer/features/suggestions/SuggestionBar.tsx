import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../src-shared/ai/index.js';
import { useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { JUDGED_RANKS, VoteButtons, type SuggestionFeedbackHandle } from '../feedback/index.js';
import { useStore } from 'zustand';
import { RewritePanel } from './RewritePanel.js';
import { rewriteStore } from './rewriteStore.js';
import { useRewrite } from './useRewrite.js';
import { useSuggestions } from './useSuggestions.js';

interface Props {
  conversation: CachedConversation;
  onInsert: (text: string) => void;
  /** Told what is shown, inserted and voted, to judge each suggestion when the reply goes out. */
  feedback: SuggestionFeedbackHandle;
}

/** Alt+1/2/3 (or a click) puts a suggested answer in the composer, to edit before sending. */
export function SuggestionBar({ conversation, onInsert, feedback }: Props) {
  const { t } = useTranslation();
  const { messageId, question, suggestions } = useSuggestions(conversation);
  const { inbox, bridge } = useServices();
  const rewriteOn = useStore(rewriteStore, (s) => s.settings?.enabled ?? false);
  const rewrite = useRewrite(question);
  const rewriting = suggestions?.find((s) => s.articleId === rewrite.view?.articleId);
  const { shown } = feedback;
  const insert = (s: Suggestion) => {
    feedback.inserted(s.articleId, s.body);
    onInsert(s.body);
  };

  useEffect(() => void rewriteStore.getState().load(bridge), [bridge]);

  useEffect(() => {
    if (messageId && suggestions && suggestions.length > 0) shown(messageId, suggestions.map((s) => s.articleId));
  }, [shown, messageId, suggestions]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = ['1', '2', '3'].indexOf(e.key.length === 1 ? e.key : e.code.replace('Digit', ''));
      const pick = suggestions?.[n];
      if (n < 0 || !pick) return;
      e.preventDefault();
      insert(pick);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // Re-bound each render (cheap): it must see this render's suggestions and feedback handle.
  });

  return (
    <div className="suggestions" data-testid="suggestions" aria-label={t('suggestions.title')}>
      {suggestions === undefined ? (
        <span className="muted">{t('suggestions.working')}</span>
      ) : suggestions.length === 0 ? (
        <span className="muted" data-testid="suggestions-none">
          {t('suggestions.none')}{' '}
          <button type="button" className="link-button" data-testid="no-answer-escalate" onClick={() => inbox.getState().setOverlay('escalate')}>
            {t('escalation.noAnswer')}
          </button>
        </span>
      ) : (
        suggestions.map((s, i) => (
          <span key={s.articleId} className="suggestion-item">
            <button
              type="button"
              className="suggestion"
              data-testid="suggestion"
              title={`${t('suggestions.insert', { n: i + 1 })}\n${s.body}`}
              onClick={() => insert(s)}
            >
              <kbd>{i + 1}</kbd>
              <span className="suggestion-title">{s.title}</span>
              <span className="muted">{t('suggestions.confidence', { pct: Math.round(s.confidence * 100) })}</span>
            </button>
            {rewriteOn && (
              <button
                type="button"
                className="vote-button"
                data-testid="suggestion-rewrite"
                aria-label={t('rewrite.actionLabel', { title: s.title })}
                title={t('rewrite.actionLabel', { title: s.title })}
                onClick={() => void rewrite.start(s)}
              >
                ✎ {t('rewrite.action')}
              </button>
            )}
            {i < JUDGED_RANKS && (
              <VoteButtons title={s.title} vote={feedback.votes.get(s.articleId)} locked={feedback.judged} onVote={(v) => feedback.vote(s.articleId, v)} />
            )}
          </span>
        ))
      )}
      {rewrite.view && rewriting && (
        <RewritePanel
          view={rewrite.view}
          local={rewriting.body}
          onInsert={(text) => {
            feedback.inserted(rewriting.articleId, text);
            onInsert(text);
          }}
          onClose={rewrite.clear}
        />
      )}
    </div>
  );
}