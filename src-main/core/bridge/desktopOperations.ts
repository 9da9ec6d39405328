import { MessageText } from '../../../src-shared/domain/message.js';
import { ok } from '../../../src-shared/result.js';
import type { DesktopPort } from '../ports/desktop.js';
import type { BridgeOperations } from './handlers.js';
import type { PushEmitter } from './pushEmitter.js';

export type DesktopCallName = 'app/set-badge' | 'app/notify';

/** The `app/*` calls: straight to the desktop port; a click or an inline reply comes back as a push. */
export const desktopOperations = (desktop: DesktopPort, pushes: PushEmitter): Pick<BridgeOperations, DesktopCallName> => ({
  'app/set-badge': async ({ count }) => ok(await desktop.setBadge(count)),
  'app/notify': async (notification) => {
    const clicked = {
      accountId: notification.accountId ?? null,
      conversationId: notification.conversationId ?? null,
    };
    const replied = (text: string) => {
      // Typed by the user into an OS widget: checked like any reply before the renderer sees it.
      const reply = MessageText.safeParse(text);
      if (reply.success && notification.accountId && notification.conversationId) {
        pushes.emit('app/notification-replied', { accountId: notification.accountId, conversationId: notification.conversationId, text: reply.data });
      }
    };
    return ok(await desktop.notify(notification, () => pushes.emit('app/notification-clicked', clicked), replied));
  },
});
