import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';
import type { CachedConversation } from '../../db/schema.js';

export function ConversationActions({ conversation, myId }: { conversation: CachedConversation; myId: string | null }) {
  const { t } = useTranslation();
  const { bridge } = useServices();
  const errorText = useErrorText();
  const [error, setError] = useState<ErrorInfo | null>(null);
  const ref = { accountId: conversation.accountId, conversationId: conversation.id };

  const run = async (action: 'claim' | 'resolve') => {
    setError(null);
    const result = await bridge.conversations[action](ref);
    if (!result.ok) setError(result.error);
  };

  const mine = myId !== null && conversation.assigneeId === myId;
  return (
    <div className="conversation-actions">
      {conversation.assigneeName && (
        <span className="muted" data-testid="assignee">
          {t('conversation.assignedTo', { name: mine ? t('conversation.you') : conversation.assigneeName })}
        </span>
      )}
      {!mine && conversation.status !== 'resolved' && (
        <button type="button" data-testid="claim-button" onClick={() => void run('claim')}>
          {t('conversation.claim')}
        </button>
      )}
      {conversation.status !== 'resolved' && (
        <button type="button" data-testid="resolve-button" onClick={() => void run('resolve')}>
          {t('conversation.resolve')}
        </button>
      )}
      {error && (
        <span role="alert" className="form-error">
          {errorText(error)}
        </span>
      )}
    </div>
  );
}
