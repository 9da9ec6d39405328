import { useTranslation } from 'react-i18next';
import { ownershipOf } from '../../../src-shared/index.js';
import type { CachedConversation } from '../../db/schema.js';

/**
 * Who holds the conversation, as the hub decided: the bot, the queue, an agent or a
 * supervisor. One badge everywhere (row, header, bot view) so it always reads the same.
 */
export function OwnerBadge({ conversation: c }: { conversation: Pick<CachedConversation, 'owner' | 'status' | 'assigneeId' | 'assigneeName'> }) {
  const { t } = useTranslation();
  const owner = ownershipOf(c);
  const label =
    owner === 'human' || owner === 'supervisor'
      ? t(`owner.${owner}`, { name: c.assigneeName ?? c.assigneeId ?? '?' })
      : t(`owner.${owner}`);
  return (
    <span className={`badge owner-${owner}`} data-testid="owner" data-owner={owner}>
      {label}
    </span>
  );
}
