import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWaiting } from '../../app/formatWaiting.js';
import { formatWhy } from './formatWhy.js';
import type { CachedConversation } from '../../db/schema.js';
import { OwnerBadge } from '../ownership/OwnerBadge.js';

interface Props {
  conversation: CachedConversation;
  accountName: string;
  selected: boolean;
  now: number;
  onOpen: (id: string) => void;
}

/** What a row shows: a re-query returns new objects, so rows compare these instead of identity. */
const SHOWN: ReadonlyArray<keyof CachedConversation> = ['id', 'lastActivityAt', 'unread', 'status', 'owner', 'assigneeName', 'lastMessagePreview', 'channel', 'customer'];
const same = (a: Props, b: Props) =>
  a.selected === b.selected &&
  a.now === b.now &&
  a.accountName === b.accountName &&
  a.onOpen === b.onOpen &&
  a.conversation.mood?.flag === b.conversation.mood?.flag &&
  a.conversation.escalation?.reason === b.conversation.escalation?.reason &&
  a.conversation.mood?.why.join() === b.conversation.mood?.why.join() &&
  SHOWN.every((k) => (k === 'customer' ? a.conversation.customer.name === b.conversation.customer.name : a.conversation[k] === b.conversation[k]));

/** Memoized: a commit re-renders only the rows whose conversation changed. */
export const ConversationRow = memo(function ConversationRow({ conversation: c, accountName, selected, now, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`conversation-row${selected ? ' selected' : ''}`}
      data-testid="conversation-row"
      data-conversation={c.id}
      aria-current={selected}
      onClick={() => onOpen(c.id)}
    >
      <span className="row-top">
        <span className="customer-name">{c.customer.name}</span>
        {c.mood?.flag && (
          <span className="mood-flag" data-testid="mood-flag" aria-label={t('mood.flag')} title={`${t('mood.flag')} · ${t('mood.why', { why: formatWhy(t, c.mood.why) })}`}>
            ⚑
          </span>
        )}
        {c.unread > 0 && (
          <span className="unread" data-testid="unread">
            {c.unread}
          </span>
        )}
        <span className="waiting">{formatWaiting(t, c.lastActivityAt, now)}</span>
      </span>
      <span className="preview">{c.lastMessagePreview}</span>
      <span className="row-badges">
        <span className="badge">{t(`channel.${c.channel}`)}</span>
        <span className="badge badge-account">{accountName}</span>
        {c.status === 'resolved' ? <span className="badge status-resolved">{t('status.resolved')}</span> : <OwnerBadge conversation={c} />}
        {c.status === 'pending' && (
          <span className="badge status-pending" data-testid="pending-badge">
            {t('status.pending')}
          </span>
        )}
        {c.escalation && (
          <span className="badge badge-escalated" data-testid="escalated" title={c.escalation.reason}>
            {t('escalation.badge', { target: t(`escalation.target.${c.escalation.target}`) })}
          </span>
        )}
      </span>
    </button>
  );
}, same);
