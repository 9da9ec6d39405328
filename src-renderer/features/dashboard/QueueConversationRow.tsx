import { useTranslation } from 'react-i18next';
import { ownershipOf, type AgentLoad } from '../../../src-shared/index.js';
import { formatWaiting } from '../../app/formatWaiting.js';
import type { CachedConversation } from '../../db/schema.js';
import { waitingSinceOf } from './queueConversations.js';
import type { Reassignment } from './useReassign.js';

/** The drag payload's type: a conversation id, dropped on an agent row. */
export const DRAG_TYPE = 'application/x-workstation-conversation';
const BACK_TO_QUEUE = '\u0000queue';

interface Props {
  conversation: CachedConversation;
  queue: string;
  agents: readonly AgentLoad[];
  now: number;
  busy: boolean;
  onReassign: (to: Reassignment) => void;
  onOpen: (conversationId: string) => void;
}

/** One conversation of the queue: who holds it, how long the customer waits, and where to move it. */
export function QueueConversationRow({ conversation: c, queue, agents, now, busy, onReassign, onOpen }: Props) {
  const { t } = useTranslation();
  const owner = ownershipOf(c);
  const targets = agents.filter((a) => a.personId !== c.assigneeId && a.status !== 'offline');
  return (
    <li className="queue-conversation" data-testid="queue-conversation" data-conversation={c.id} data-owner={owner} draggable onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, c.id)}>
      <button type="button" className="link-button queue-conversation-name" onClick={() => onOpen(c.id)}>
        {c.customer.name}
      </button>
      {c.mood?.flag && (
        <span className="mood-flag" aria-label={t('mood.flag')} title={t('mood.flag')}>
          ⚑
        </span>
      )}
      <span className={`badge owner-${owner}`} data-testid="queue-conversation-owner">
        {t(`dashboard.owner.${owner}`)}
        {c.assigneeName && owner !== 'queued' && owner !== 'bot' ? ` · ${c.assigneeName}` : ''}
      </span>
      <span className="muted">{t('dashboard.waitingFor', { time: formatWaiting(t, waitingSinceOf(c), now) })}</span>
      <select
        aria-label={t('dashboard.reassign')}
        data-testid="reassign"
        value=""
        disabled={busy}
        onChange={(e) => {
          const to = e.target.value;
          if (to) onReassign({ conversationId: c.id, assigneeId: to === BACK_TO_QUEUE ? null : to, queue });
        }}
      >
        <option value="">{t('dashboard.reassign')}</option>
        {targets.map((a) => (
          <option key={a.personId} value={a.personId}>
            {t('dashboard.toAgent', { name: a.name, load: a.load, capacity: a.capacity })}
          </option>
        ))}
        {owner !== 'queued' && <option value={BACK_TO_QUEUE}>{t('dashboard.backToQueue', { queue })}</option>}
      </select>
    </li>
  );
}
