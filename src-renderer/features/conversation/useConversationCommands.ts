import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';

export type ConversationCommand = 'claim' | 'resolve' | 'takeover' | 'markPending' | 'reopen';

const DONE: Record<ConversationCommand, string> = {
  claim: 'notice.claimed',
  resolve: 'notice.resolved',
  takeover: 'notice.tookOver',
  markPending: 'notice.markedPending',
  reopen: 'notice.reopened',
};

/**
 * Claim, resolve, mark pending, reopen and take over, from a button, a shortcut or the palette: one path,
 * errors shown the same way (a lost takeover race names the winner: the hub says who).
 */
export function useConversationCommands() {
  const { t } = useTranslation();
  const { bridge, db, inbox } = useServices();
  const errorText = useErrorText();

  return async (command: ConversationCommand, conversationId: string | null): Promise<void> => {
    const notify = inbox.getState().notify;
    const conversation = conversationId ? await db.conversations.get(conversationId) : undefined;
    if (!conversation) return notify(t('notice.noConversation'), true);
    const result = await bridge.conversations[command]({ accountId: conversation.accountId, conversationId: conversation.id });
    notify(result.ok ? t(DONE[command]) : errorText(result.error), !result.ok);
  };
}
