import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { useSuggestions } from './useSuggestions.js';

/** Alt+1/2/3 (or a click) puts a suggested answer in the composer, to edit before sending. */
export function SuggestionBar({ conversation, onInsert }: { conversation: CachedConversation; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(conversation);
  const { inbox } = useServices();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = ['1', '2', '3'].indexOf(e.key.length === 1 ? e.key : e.code.replace('Digit', ''));
      const pick = suggestions?.[n];
      if (n < 0 || !pick) return;
      e.preventDefault();
      onInsert(pick.body);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [suggestions, onInsert]);

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
          <button
            key={s.articleId}
            type="button"
            className="suggestion"
            data-testid="suggestion"
            title={`${t('suggestions.insert', { n: i + 1 })}\n${s.body}`}
            onClick={() => onInsert(s.body)}
          >
            <kbd>{i + 1}</kbd>
            <span className="suggestion-title">{s.title}</span>
            <span className="muted">{t('suggestions.confidence', { pct: Math.round(s.confidence * 100) })}</span>
          </button>
        ))
      )}
    </div>
  );
}
