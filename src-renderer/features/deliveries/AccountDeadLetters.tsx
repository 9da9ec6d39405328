import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../app/useErrorText.js';
import { DeadLetterRow } from './DeadLetterRow.js';
import type { AccountLetters, RetryOutcome } from './deadLetterStore.js';

interface Props {
  name: string;
  /** Undefined until the first answer is asked for. */
  letters: AccountLetters | undefined;
  retries: Record<string, RetryOutcome>;
  onRetry: (id: string) => void;
  onOpen: (conversationId: string) => void;
}

/** One account's dead letters: loading, the hub's refusal, empty, or the table. */
export function AccountDeadLetters({ name, letters, retries, onRetry, onOpen }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const rows = letters?.letters ?? [];
  return (
    <section data-testid="deliveries-account" aria-label={name}>
      <h3>{name}</h3>
      {letters?.status === 'failed' && (
        <p role="alert" className="form-error" data-testid="deliveries-error" data-code={letters.error.code}>
          {errorText(letters.error)}
        </p>
      )}
      {rows.length === 0 ? (
        letters === undefined || letters.status === 'loading' ? (
          <p className="muted">{t('deliveries.loading')}</p>
        ) : letters.status === 'ready' ? (
          <p className="muted" data-testid="deliveries-empty">
            {t('deliveries.empty')}
          </p>
        ) : null
      ) : (
        <table className="audit-table">
          <thead>
            <tr>
              <th>{t('deliveries.when')}</th>
              <th>{t('deliveries.reply')}</th>
              <th>{t('deliveries.attempts')}</th>
              <th>{t('deliveries.lastError')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((letter) => (
              <DeadLetterRow key={letter.id} letter={letter} outcome={retries[letter.id]} onRetry={() => onRetry(letter.id)} onOpen={() => onOpen(letter.conversationId)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
