import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { latestMessages } from '../../db/conversations.js';
import { outboxOf } from '../../db/outbox.js';
import { OutboxBubble } from '../outbox/OutboxBubble.js';
import { MessageBubble } from './MessageBubble.js';
import { useScrollAnchor } from './useScrollAnchor.js';

/** Messages read per step; scrolling to the top reads the page before. */
const PAGE = 100;
const LOAD_EARLIER_PX = 80;

/** What the hub holds (newest pages first, loaded upward), then what still waits in the outbox. */
export function MessageList({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [limit, setLimit] = useState(PAGE);
  const messages = useLiveQuery(() => latestMessages(db, conversationId, limit), [db, conversationId, limit]);
  const pending = useLiveQuery(() => outboxOf(db, conversationId), [db, conversationId]) ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  const lastId = pending.at(-1)?.clientId ?? messages?.at(-1)?.id;
  const onScrollAnchor = useScrollAnchor(scroller, messages?.[0]?.id, lastId);
  const mayHaveEarlier = messages !== undefined && messages.length >= limit;

  const onScroll = () => {
    onScrollAnchor();
    if (mayHaveEarlier && (scroller.current?.scrollTop ?? Infinity) < LOAD_EARLIER_PX) setLimit((l) => l + PAGE);
  };

  if (!messages) return <p className="muted">{t('conversation.loadingMessages')}</p>;
  if (messages.length + pending.length === 0) return <p className="muted">{t('conversation.noMessages')}</p>;
  return (
    <div className="message-scroller" ref={scroller} onScroll={onScroll} data-testid="message-scroller">
      {mayHaveEarlier && <p className="muted load-earlier">{t('conversation.loadEarlier')}</p>}
      <ol className="message-list" data-testid="message-list">
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} />
        ))}
        {pending.map((row) => (
          <OutboxBubble key={row.clientId} row={row} />
        ))}
      </ol>
    </div>
  );
}
