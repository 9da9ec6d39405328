import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { messagesOf } from '../../db/conversations.js';
import { MessageBubble } from './MessageBubble.js';

export function MessageList({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const messages = useLiveQuery(() => messagesOf(db, conversationId), [db, conversationId]);
  const end = useRef<HTMLDivElement>(null);

  // Block body on purpose: newer Chromium returns a Promise from scrollIntoView, and an
  // effect must return nothing or a cleanup function.
  useEffect(() => {
    void end.current?.scrollIntoView({ block: 'end' });
  }, [messages?.length]);

  if (!messages) return <p className="muted">{t('conversation.loadingMessages')}</p>;
  if (messages.length === 0) return <p className="muted">{t('conversation.noMessages')}</p>;
  return (
    <div className="message-scroller">
      <ol className="message-list" data-testid="message-list">
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} />
        ))}
      </ol>
      <div ref={end} />
    </div>
  );
}
