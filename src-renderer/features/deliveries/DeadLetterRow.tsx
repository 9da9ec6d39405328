import { useTranslation } from 'react-i18next';
import type { DeadLetterView } from '../../../src-shared/index.js';
import { useErrorText } from '../../app/useErrorText.js';
import type { RetryOutcome } from './deadLetterStore.js';

interface Props {
  letter: DeadLetterView;
  outcome: RetryOutcome | undefined;
  onRetry: () => void;
  onOpen: () => void;
}

/** One reply the connector never took, and what became of its Retry. */
export function DeadLetterRow({ letter, outcome, onRetry, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <tr data-testid="dead-letter-row" data-id={letter.id}>
      <td>{time.format(letter.failedAt)}</td>
      <td>
        {letter.preview || <span className="muted">{t('deliveries.noText')}</span>}
        <button type="button" className="link-button" onClick={onOpen}>
          {t('deliveries.openConversation')}
        </button>
      </td>
      <td>{letter.attempts}</td>
      <td>{letter.lastError ?? ''}</td>
      <td>
        {outcome?.status === 'requeued' ? (
          <span data-testid="dead-letter-requeued">{t('deliveries.requeued')}</span>
        ) : (
          <button type="button" data-testid="dead-letter-retry" disabled={outcome?.status === 'busy'} onClick={onRetry}>
            {outcome?.status === 'busy' ? t('deliveries.retrying') : t('deliveries.retry')}
          </button>
        )}
        {outcome?.status === 'failed' && (
          <p role="alert" className="form-error" data-testid="dead-letter-retry-error" data-code={outcome.error.code}>
            {errorText(outcome.error)}
          </p>
        )}
      </td>
    </tr>
  );
}
