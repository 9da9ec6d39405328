import { useEffect } from 'react';
import { useServices } from '../../app/services.js';
import { useConversationCommands } from '../conversation/useConversationCommands.js';
import { matchShortcut, type ShortcutAction } from './keymap.js';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;

/**
 * Enter on a focused button or link is that control's own click, not "go to the reply
 * box" — except on an inbox row, where opening the conversation is what Enter means.
 */
const isControl = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('button:not(.conversation-row), a[href], [role="button"]') !== null;

/** j/k move through the inbox: a button left focused by a click (a filter tab) lets go, so Enter opens. */
const releaseControlFocus = () => {
  if (isControl(document.activeElement)) (document.activeElement as HTMLElement).blur();
};

/** The one keyboard listener of the app: keys → actions from the keymap table. */
export function ShortcutLayer() {
  const { inbox } = useServices();
  const run = useConversationCommands();

  useEffect(() => {
    const act: Record<ShortcutAction, (e: KeyboardEvent) => void> = {
      next: () => (releaseControlFocus(), inbox.getState().move(1)),
      previous: () => (releaseControlFocus(), inbox.getState().move(-1)),
      open: () => document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]')?.focus(),
      claim: () => void run('claim', inbox.getState().selectedId),
      resolve: () => void run('resolve', inbox.getState().selectedId),
      markPending: () => void run('markPending', inbox.getState().selectedId),
      reopen: () => void run('reopen', inbox.getState().selectedId),
      escalate: () => inbox.getState().selectedId && inbox.getState().setOverlay('escalate'),
      takeover: () => void run('takeover', inbox.getState().selectedId),
      botview: () => inbox.getState().setOverlay('botview'),
      help: () => inbox.getState().setOverlay(inbox.getState().overlay === 'help' ? null : 'help'),
      palette: () => inbox.getState().setOverlay('palette'),
      dashboard: () => inbox.getState().setOverlay('dashboard'),
      search: () => document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.select(),
      escape: (e) => {
        if (inbox.getState().overlay) inbox.getState().setOverlay(null);
        else if (e.target instanceof HTMLElement) e.target.blur();
      },
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // Inside an open overlay, only Escape (and the palette's own keys) count.
      const overlay = inbox.getState().overlay;
      const action = matchShortcut(e, isTyping(e.target));
      if (!action || (overlay && action !== 'escape' && action !== 'help')) return;
      if (action === 'open' && isControl(e.target)) return;
      e.preventDefault();
      act[action](e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [inbox, run]);

  return null;
}
