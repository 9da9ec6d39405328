import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';
import { storeAcknowledged } from '../../db/conversations.js';
import type { CachedConversation } from '../../db/schema.js';
import { newClientId } from './newClientId.js';

export function Composer({ conversation, online }: { conversation: CachedConversation; online: boolean }) {
  const { t } = useTranslation();
  const { bridge, db } = useServices();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  // One client id per reply text: a retry after a timeout cannot post the reply twice.
  const clientId = useRef(newClientId());

  const send = async () => {
    const body = text.trim();
    if (!body || busy) return;
    setBusy(true);
    setError(null);
    const result = await bridge.conversations.send({
      accountId: conversation.accountId,
      conversationId: conversation.id,
      clientId: clientId.current,
      text: body,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    await storeAcknowledged(db, result.value.message);
    clientId.current = newClientId();
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // IME composition (pinyin, zhuyin) uses Enter to pick characters: never send then.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  if (conversation.status === 'resolved') return <p className="muted composer-note">{t('composer.disabledResolved')}</p>;
  return (
    <div className="composer">
      {!online && <p className="banner banner-warn">{t('composer.offline')}</p>}
      {error && (
        <p role="alert" className="form-error" data-testid="composer-error">
          {errorText(error)}
        </p>
      )}
      <textarea
        data-testid="composer-input"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        placeholder={t('composer.placeholder')}
        rows={3}
      />
      <button type="button" data-testid="composer-send" disabled={busy || !text.trim()} onClick={() => void send()}>
        {busy ? t('composer.sending') : t('composer.send')}
      </button>
    </div>
  );
}
