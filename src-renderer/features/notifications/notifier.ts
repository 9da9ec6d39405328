import type { TFunction } from 'i18next';
import type { WorkstationBridge } from '../../../src-shared/index.js';

export interface Shown {
  title: string;
  body: string;
  accountId?: string;
  conversationId?: string;
  /** A customer's message: the desktop shell may offer an inline reply. */
  replyable?: boolean;
}

/** 'shown', or why not: the UI says so instead of failing silently. */
export type ShowResult = 'shown' | 'blocked' | 'unsupported';

/**
 * Native notification through main (Electron) first; where main cannot (web host),
 * the browser's Notification API, whose click opens the conversation.
 */
export function createNotifier(bridge: WorkstationBridge, open: (conversationId: string) => void) {
  return async (n: Shown): Promise<ShowResult> => {
    const viaMain = await bridge.app.notify(n);
    if (viaMain.ok && viaMain.value.handled) return 'shown';
    if (typeof Notification === 'undefined') return 'unsupported';
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission !== 'granted') return 'blocked';
    const shown = new Notification(n.title, { body: n.body, tag: n.conversationId });
    shown.onclick = () => {
      window.focus();
      if (n.conversationId) open(n.conversationId);
    };
    return 'shown';
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

export const testNotification = (t: TFunction): Shown => ({ title: t('notify.testTitle'), body: t('notify.testBody') });
