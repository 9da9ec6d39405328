import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { messagesOf } from '../../db/conversations.js';
import { outboxOf } from '../../db/outbox.js';
import { OutboxBubble } from '../outbox/OutboxBubble.js';
import { MessageBubble } from './MessageBubble.js';

/** What the hub holds, then what still waits in this workstation's outbox, in send order. */
export function MessageList({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const messages = useLiveQuery(() => messagesOf(db, conversationId), [db, conversationId]);
  const pending = useLiveQuery(() => outboxOf(db, conversationId), [db, conversationId]) ?? [];
  const end = useRef<HTMLDivElement>(null);
  const count = (messages?.length ?? 0) + pending.length;

  // Block body on purpose: newer Chromium returns a Promise from scrollIntoView, and an
  // effect must return nothing or a cleanup function.
  useEffect(() => {
    void end.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  if (!messages) return <p className="muted">{t('conversation.loadingMessages')}</p>;
  if (count === 0) return <p className="muted">{t('conversation.noMessages')}</p>;
  return (
    <div className="message-scroller">
      <ol className="message-list" data-testid="message-list">
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} />
        ))}
        {pending.map((row) => (
          <OutboxBubble key={row.clientId} row={row} />
        ))}
      </ol>
      <div ref={end} />
    </div>
  );
}
