import type { CallInput, CallOutput } from '../../../src-shared/bridge/contract.js';

export type DesktopNotification = CallInput<'app/notify'>;
/** `handled: false`: the shell could not do it natively; the renderer falls back. */
export type DesktopHandled = CallOutput<'app/set-badge'>;

/**
 * What the OS shell does for the core: the dock/tray badge and native
 * notifications. Electron implements it (`src-main/electron/desktop.ts`).
 */
export interface DesktopPort {
  setBadge(count: number): DesktopHandled | Promise<DesktopHandled>;
  /**
   * `onClick` runs after the shell focused the window for a click on this notification;
   * `onReply` with the text typed into its inline reply (only if `replyable`, where the OS has one).
   */
  notify(notification: DesktopNotification, onClick: () => void, onReply: (text: string) => void): DesktopHandled | Promise<DesktopHandled>;
}

/**
 * The web host has no OS shell: every call answers `handled: false`, so the
 * renderer uses the browser's Notification API and the document title instead.
 */
export const browserFallbackDesktop: DesktopPort = {
  setBadge: () => ({ handled: false }),
  notify: () => ({ handled: false }),
};
