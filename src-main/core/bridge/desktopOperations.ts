import { ok } from '../../../src-shared/result.js';
import type { DesktopPort } from '../ports/desktop.js';
import type { BridgeOperations } from './handlers.js';
import type { PushEmitter } from './pushEmitter.js';

export type DesktopCallName = 'app/set-badge' | 'app/notify';

/** The `app/*` calls: straight to the desktop port; a click comes back as a push. */
export const desktopOperations = (desktop: DesktopPort, pushes: PushEmitter): Pick<BridgeOperations, DesktopCallName> => ({
  'app/set-badge': async ({ count }) => ok(await desktop.setBadge(count)),
  'app/notify': async (notification) => {
    const clicked = {
      accountId: notification.accountId ?? null,
      conversationId: notification.conversationId ?? null,
    };
    return ok(await desktop.notify(notification, () => pushes.emit('app/notification-clicked', clicked)));
  },
});
