import { useTranslation } from 'react-i18next';
import { ownershipOf, type Person } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { HandbackButtons } from '../supervision/HandbackButtons.js';
import { useConversationCommands } from './useConversationCommands.js';

export function ConversationActions({ conversation, me }: { conversation: CachedConversation; me: Person | null }) {
  const { t } = useTranslation();
  const run = useConversationCommands();
  const { inbox } = useServices();
  const mine = me !== null && conversation.assigneeId === me.id;
  const open = conversation.status !== 'resolved';
  const owner = ownershipOf(conversation);
  // Waiting on the customer: what a person holds or is about to (the hub checks who may).
  const canWait = conversation.status === 'open' && (mine || owner === 'queued' || me?.role !== 'agent');
  // Supervisors take over from the bot or another agent (the hub refuses everyone else
  // anyway); what waits in a queue is claimed, by anyone.
  const canTakeOver = open && me?.role === 'supervisor' && (owner === 'bot' || (owner === 'human' && !mine));
  return (
    <div className="conversation-actions">
      {conversation.assigneeName && (
        <span className="muted" data-testid="assignee">
          {t('conversation.assignedTo', { name: mine ? t('conversation.you') : conversation.assigneeName })}
        </span>
      )}
      {!mine && open && !canTakeOver && (
        <button type="button" data-testid="claim-button" title="a" onClick={() => void run('claim', conversation.id)}>
          {t('conversation.claim')}
        </button>
      )}
      {canTakeOver && (
        <button type="button" className="primary" data-testid="takeover-button" title="t" onClick={() => void run('takeover', conversation.id)}>
          {t('supervision.takeover')}
        </button>
      )}
      <HandbackButtons conversation={conversation} me={me} />
      {open && (
        <button type="button" data-testid="escalate-button" title="x" onClick={() => inbox.getState().setOverlay('escalate')}>
          {t('escalation.escalate')}
        </button>
      )}
      {canWait && (
        <button type="button" data-testid="pending-button" title="p" onClick={() => void run('markPending', conversation.id)}>
          {t('conversation.markPending')}
        </button>
      )}
      {(conversation.status === 'resolved' || conversation.status === 'pending') && (
        <button type="button" data-testid="reopen-button" title="o" onClick={() => void run('reopen', conversation.id)}>
          {t('conversation.reopen')}
        </button>
      )}
      {open && (
        <button type="button" data-testid="resolve-button" title="e" onClick={() => void run('resolve', conversation.id)}>
          {t('conversation.resolve')}
        </button>
      )}
    </div>
  );
}
