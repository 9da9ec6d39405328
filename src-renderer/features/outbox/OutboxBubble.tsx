import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';
import { discardReply, retryReply } from '../../db/outbox.js';
import type { OutboxRow } from '../../db/schema.js';
import { OutboxImages, shownText } from '../attachments/index.js';

/** A reply that has not reached the hub yet: queued, or refused with the reason and a way out. */
export function OutboxBubble({ row }: { row: OutboxRow }) {
  const { t } = useTranslation();
  const { db, outbox } = useServices();
  const errorText = useErrorText();
  const retry = async () => {
    await retryReply(db, row.clientId);
    void outbox.kick();
  };
  const escalation = row.kind === 'escalate';
  const queued = escalation ? t('escalation.outboxQueued') : t('outbox.queued');
  const failed = (reason: string) => (escalation ? t('escalation.outboxFailed', { reason }) : t('outbox.failed', { reason }));
  return (
    <li
      className={`message from-agent outbox outbox-${row.state}${row.kind === 'note' || escalation ? ' private' : ''}`}
      data-testid={escalation ? 'outbox-escalation' : 'message'}
      data-author-kind="agent"
      data-status={row.state}
    >
      <div className="message-head">
        <span className="author">{row.state === 'queued' ? queued : failed(errorText(row.error!))}</span>
      </div>
      {shownText(row.text, row.images?.map((image) => image.name)) !== null && <p className="message-text">{row.text}</p>}
      {row.images && <OutboxImages images={row.images} />}
      {row.state === 'failed' && (
        <div className="outbox-actions">
          <button type="button" data-testid="outbox-retry" onClick={() => void retry()}>
            {t('outbox.retry')}
          </button>
          <button type="button" className="link-button" onClick={() => void discardReply(db, row.clientId)}>
            {t('outbox.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
