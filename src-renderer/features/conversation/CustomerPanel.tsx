import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useAccounts, useServices } from '../../app/services.js';
import { formatWaiting } from '../../app/formatWaiting.js';
import { useNow } from '../../app/useNow.js';
import { otherConversationsOf } from '../../db/customers.js';
import type { CachedConversation } from '../../db/schema.js';

/** Who this is, and their other conversations on any account or channel. */
export function CustomerPanel({ conversation }: { conversation: CachedConversation }) {
  const { t } = useTranslation();
  const { db, inbox } = useServices();
  const now = useNow();
  const names = useAccounts((s) => s.byId);
  const { customer } = conversation;
  const others = useLiveQuery(() => otherConversationsOf(db, customer, conversation.id), [db, customer, conversation.id]);
  return (
    <aside className="customer-panel" data-testid="customer-panel">
      <h3>{t('conversation.customer')}</h3>
      <p className="customer-name">{customer.name}</p>
      {customer.email && <p className="muted">{customer.email}</p>}
      {customer.phone && <p className="muted">{customer.phone}</p>}
      <h3>{t('conversation.otherConversations')}</h3>
      {others?.length === 0 && <p className="muted">{t('conversation.noOtherConversations')}</p>}
      <ul>
        {others?.map((c) => (
          <li key={c.id}>
            <button type="button" className="other-conversation" data-testid="other-conversation" onClick={() => inbox.getState().select(c.id)}>
              <span className="badge">{t(`channel.${c.channel}`)}</span>
              <span className="badge badge-account">{names[c.accountId]?.name ?? c.accountId}</span>
              <span className={`badge status-${c.status}`}>{t(`status.${c.status}`)}</span>
              <span className="preview">{c.lastMessagePreview}</span>
              <span className="waiting">{formatWaiting(t, c.lastActivityAt, now)}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
