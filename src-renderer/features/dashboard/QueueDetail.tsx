import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueStats } from '../../../src-shared/index.js';
import { useErrorText } from '../../app/useErrorText.js';
import { AgentList } from './AgentList.js';
import { QueueConversations } from './QueueConversations.js';
import { useReassign } from './useReassign.js';

// ECharts is about 500 kB minified: loaded when a lead first opens a queue, not at every app start.
const QueueCharts = lazy(() => import('./QueueCharts.js').then((m) => ({ default: m.QueueCharts })));

/** The chosen queue: its last hour, its agents, and its conversations to move around. */
export function QueueDetail({ stats, now }: { stats: QueueStats; now: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { reassign, error, busy } = useReassign(stats.accountId);
  const ref = { accountId: stats.accountId, queue: stats.queue, channel: stats.channel };
  return (
    <div className="queue-detail" data-testid="queue-detail" data-queue={stats.queue}>
      <Suspense fallback={<p className="muted">{t('dashboard.loadingHistory')}</p>}>
        <QueueCharts stats={stats} />
      </Suspense>
      {error && (
        <p role="alert" className="form-error" data-testid="dashboard-error" data-code={error.code}>
          {errorText(error)}
        </p>
      )}
      <div className="queue-detail-lists">
        <QueueConversations queue={ref} agents={stats.agents} now={now} busy={busy} onReassign={(to) => void reassign(to)} />
        <AgentList agents={stats.agents} onDrop={(conversationId, personId) => void reassign({ conversationId, assigneeId: personId, queue: stats.queue })} />
      </div>
    </div>
  );
}
