import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { AgentLoad } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import type { QueueRef } from '../../db/queueSamples.js';
import { openInQueue } from './queueConversations.js';
import { QueueConversationRow } from './QueueConversationRow.js';
import type { Reassignment } from './useReassign.js';
import { queueLabel } from './queueLabel.js';

interface Props {
  queue: QueueRef;
  agents: readonly AgentLoad[];
  now: number;
  busy: string | null;
  onReassign: (to: Reassignment) => void;
}

/** The queue's open conversations as this workstation has them cached. */
export function QueueConversations({ queue, agents, now, busy, onReassign }: Props) {
  const { t } = useTranslation();
  const { db, inbox } = useServices();
  const rows = useLiveQuery(() => openInQueue(db, queue), [db, queue.accountId, queue.queue, queue.channel]);
  const open = (conversationId: string) => {
    inbox.getState().select(conversationId);
    inbox.getState().setOverlay(null);
  };
  return (
    <section className="dashboard-conversations" aria-labelledby="dashboard-conversations-title">
      <h3 id="dashboard-conversations-title">{t('dashboard.conversations', { queue: queueLabel(t, queue.queue) })}</h3>
      {rows === undefined && <p className="muted">{t('dashboard.loadingConversations')}</p>}
      {rows?.length === 0 && <p className="muted">{t('dashboard.noConversations')}</p>}
      <ul data-testid="queue-conversations">
        {rows?.map((c) => (
          <QueueConversationRow key={c.id} conversation={c} queue={queue.queue} agents={agents} now={now} busy={busy === c.id} onReassign={onReassign} onOpen={open} />
        ))}
      </ul>
    </section>
  );
}
