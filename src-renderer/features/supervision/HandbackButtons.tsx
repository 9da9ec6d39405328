import { useTranslation } from 'react-i18next';
import { ownershipOf, type Person } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';
import type { CachedConversation } from '../../db/schema.js';

/** Channels whose conversations the hub's bot can serve (it answers web chat only). */
const BOT_CHANNELS: ReadonlySet<string> = new Set(['webchat']);

/**
 * After a takeover (or any human ownership): hand the conversation back to the bot or
 * to its queue. Shown to the owner and to leads/supervisors; the hub checks again.
 */
export function HandbackButtons({ conversation: c, me }: { conversation: CachedConversation; me: Person | null }) {
  const { t } = useTranslation();
  const { bridge, inbox } = useServices();
  const errorText = useErrorText();
  const owner = ownershipOf(c);
  const mayHandBack = me !== null && (c.assigneeId === me.id || me.role !== 'agent');
  if (c.status === 'resolved' || (owner !== 'human' && owner !== 'supervisor') || !mayHandBack) return null;

  const handBack = async (to: 'bot' | 'queued') => {
    const result = await bridge.conversations.handback({ accountId: c.accountId, conversationId: c.id, to });
    inbox.getState().notify(result.ok ? t(`supervision.handedBack.${to}`) : errorText(result.error), !result.ok);
  };
  return (
    <>
      {BOT_CHANNELS.has(c.channel) && (
        <button type="button" data-testid="handback-bot" onClick={() => void handBack('bot')}>
          {t('supervision.handbackBot')}
        </button>
      )}
      <button type="button" data-testid="handback-queue" onClick={() => void handBack('queued')}>
        {t('supervision.handbackQueue')}
      </button>
    </>
  );
}
