import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { useConversationCommands } from './useConversationCommands.js';

export function ConversationActions({ conversation, myId }: { conversation: CachedConversation; myId: string | null }) {
  const { t } = useTranslation();
  const run = useConversationCommands();
  const { inbox } = useServices();
  const mine = myId !== null && conversation.assigneeId === myId;
  return (
    <div className="conversation-actions">
      {conversation.assigneeName && (
        <span className="muted" data-testid="assignee">
          {t('conversation.assignedTo', { name: mine ? t('conversation.you') : conversation.assigneeName })}
        </span>
      )}
      {!mine && conversation.status !== 'resolved' && (
        <button type="button" data-testid="claim-button" title="a" onClick={() => void run('claim', conversation.id)}>
          {t('conversation.claim')}
        </button>
      )}
      {conversation.status !== 'resolved' && (
        <button type="button" data-testid="escalate-button" title="x" onClick={() => inbox.getState().setOverlay('escalate')}>
          {t('escalation.escalate')}
        </button>
      )}
      {conversation.status !== 'resolved' && (
        <button type="button" data-testid="resolve-button" title="e" onClick={() => void run('resolve', conversation.id)}>
          {t('conversation.resolve')}
        </button>
      )}
    </div>
  );
}
