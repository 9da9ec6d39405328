import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { LANGUAGES, rememberLanguage } from '../../i18n/i18n.js';
import { useConversationCommands } from '../conversation/useConversationCommands.js';
import { INBOX_FILTERS } from '../inbox/inboxStore.js';
import type { PaletteCommand } from './paletteCommands.js';

const MAX_CONVERSATIONS = 8;

/** Commands the palette offers: filters, actions on the open conversation, languages, and conversations by customer. */
export function usePaletteCommands(query: string): PaletteCommand[] {
  const { t, i18n } = useTranslation();
  const { db, inbox } = useServices();
  const run = useConversationCommands();
  const state = inbox.getState();
  const needle = query.trim().toLowerCase();
  const conversations =
    useLiveQuery(
      () =>
        needle
          ? db.conversations
              .orderBy('lastActivityAt')
              .reverse()
              .filter((c) => c.customer.name.toLowerCase().includes(needle))
              .limit(MAX_CONVERSATIONS)
              .toArray()
          : [],
      [db, needle],
    ) ?? [];

  return [
    ...INBOX_FILTERS.map((f) => ({ id: `filter:${f}`, label: t('palette.filter', { name: t(`inbox.filter.${f}`) }), run: () => state.setFilter(f) })),
    { id: 'claim', label: t('palette.claim'), run: () => void run('claim', inbox.getState().selectedId) },
    { id: 'resolve', label: t('palette.resolve'), run: () => void run('resolve', inbox.getState().selectedId) },
    { id: 'markPending', label: t('shortcuts.action.markPending'), run: () => void run('markPending', inbox.getState().selectedId) },
    { id: 'reopen', label: t('shortcuts.action.reopen'), run: () => void run('reopen', inbox.getState().selectedId) },
    { id: 'takeover', label: t('shortcuts.action.takeover'), run: () => void run('takeover', inbox.getState().selectedId) },
    { id: 'botview', label: t('shortcuts.action.botview'), run: () => state.setOverlay('botview') },
    { id: 'help', label: t('palette.help'), run: () => state.setOverlay('help') },
    ...LANGUAGES.map((lng) => ({
      id: `language:${lng}`,
      label: t('palette.language', { name: t(`language.${lng}`) }),
      run: () => {
        rememberLanguage(localStorage, lng);
        void i18n.changeLanguage(lng);
      },
    })),
    ...conversations.map((c) => ({ id: `open:${c.id}`, label: t('palette.open', { name: c.customer.name }), run: () => state.select(c.id) })),
  ];
}
