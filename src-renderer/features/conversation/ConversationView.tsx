import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useInbox, useServices } from '../../app/services.js';
import { markRead } from '../../db/conversations.js';
import { Composer } from '../composer/Composer.js';
import { ConversationActions } from './ConversationActions.js';
import { CustomerPanel } from './CustomerPanel.js';
import { formatWhy } from '../inbox/formatWhy.js';
import { MessageList } from './MessageList.js';
import { EscalationCard } from '../escalation/EscalationCard.js';
import { OwnerBadge } from '../ownership/OwnerBadge.js';

export function ConversationView() {
  const { t } = useTranslation();
  const { db } = useServices();
  const selectedId = useInbox((s) => s.selectedId);
  const conversation = useLiveQuery(async () => (selectedId ? db.conversations.get(selectedId) : undefined), [db, selectedId]);
  const account = useAccounts((s) => (conversation ? s.byId[conversation.accountId] : undefined));

  useEffect(() => {
    if (selectedId && conversation && conversation.unread > 0) void markRead(db, selectedId);
  }, [db, selectedId, conversation]);

  if (!selectedId || !conversation) {
    return (
      <section className="conversation-empty">
        <p>{t('conversation.none')}</p>
        <p className="muted">{t('conversation.noneHint')}</p>
      </section>
    );
  }
  return (
    <section className="conversation" data-testid="conversation-view" data-conversation={conversation.id}>
      <header className="conversation-header">
        <div>
          <h2>{conversation.customer.name}</h2>
          <span className="badge">{t(`channel.${conversation.channel}`)}</span>
          <span className="badge badge-account">{account?.name ?? conversation.accountId}</span>
          <span className={`badge status-${conversation.status}`} data-testid="conversation-status">
            {t(`status.${conversation.status}`)}
          </span>
          {conversation.status !== 'resolved' && <OwnerBadge conversation={conversation} />}
        </div>
        <ConversationActions conversation={conversation} me={account?.person ?? null} />
      </header>
      {conversation.mood?.flag && (
        <p className="mood-banner" role="status" data-testid="conversation-mood">
          ⚑ {t('mood.flag')} · {t('mood.why', { why: formatWhy(t, conversation.mood.why) })}
        </p>
      )}
      {conversation.escalation && <EscalationCard escalation={conversation.escalation} />}
      {/* One key for the whole body: list, composer and panel start fresh per conversation. */}
      <div className="conversation-body" key={conversation.id}>
        <div className="conversation-main">
          <MessageList conversationId={conversation.id} />
          <Composer conversation={conversation} online={account?.status === 'online'} myId={account?.person?.id ?? null} />
        </div>
        <CustomerPanel conversation={conversation} />
      </div>
    </section>
  );
}
