import { useTranslation } from 'react-i18next';
import './feedback.css';
import type { Vote } from './feedbackCapture.js';

interface Props {
  title: string;
  vote: Vote | undefined;
  /** Judged already: the recorded vote is shown and can no longer change. */
  locked: boolean;
  onVote: (vote: Vote) => void;
}

/** 👍 / 👎 on one suggestion: plain buttons (Tab reaches them), pressed state announced. */
export function VoteButtons({ title, vote, locked, onVote }: Props) {
  const { t } = useTranslation();
  return (
    <span className="suggestion-votes" role="group" aria-label={t('feedback.voteGroup', { title })}>
      {(['up', 'down'] as const).map((v) => (
        <button
          key={v}
          type="button"
          className="vote-button"
          data-testid={`suggestion-vote-${v}`}
          aria-label={t(v === 'up' ? 'feedback.voteUp' : 'feedback.voteDown', { title })}
          title={locked ? t('feedback.locked') : t(v === 'up' ? 'feedback.voteUp' : 'feedback.voteDown', { title })}
          aria-pressed={vote === v}
          disabled={locked}
          onClick={() => onVote(v)}
        >
          {v === 'up' ? '👍' : '👎'}
        </button>
      ))}
    </span>
  );
}
