import { app, type BrowserWindow, Notification, Tray } from 'electron';
import type { DesktopPort, Logger } from '../core/index.js';
import { trayIcon } from './trayIcon.js';

export const APP_NAME = 'Agent Workstation';
export const APP_USER_MODEL_ID = 'org.agent-workstation.desktop';
/** Notifications kept alive for their click handler; older ones are let go. */
const MAX_LIVE_NOTIFICATIONS = 50;

/** Brings our window to the front: a notification click, a second instance. */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * The core's DesktopPort in Electron. Badge: `app.setBadgeCount` (macOS dock,
 * Linux Unity launchers; false elsewhere → the renderer shows the count itself);
 * on Windows, which has no badge count, a tray icon whose tooltip carries it.
 */
export function createDesktop(window: () => BrowserWindow | null, log: Logger): DesktopPort & { dispose(): void } {
  let tray: Tray | null = null;
  // A Notification that is garbage collected loses its click handler: hold the recent ones.
  const live = new Set<Notification>();

  const hold = (notification: Notification) => {
    live.add(notification);
    if (live.size > MAX_LIVE_NOTIFICATIONS) live.delete(live.values().next().value!);
    return () => void live.delete(notification);
  };

  return {
    setBadge(count) {
      if (process.platform !== 'win32') return { handled: app.setBadgeCount(count) };
      tray ??= new Tray(trayIcon());
      tray.setToolTip(count > 0 ? `${APP_NAME} (${count})` : APP_NAME);
      return { handled: true };
    },
    notify({ title, body, replyable }, onClick, onReply) {
      if (!Notification.isSupported()) return { handled: false };
      // Inline reply is a macOS notification feature; elsewhere a click opens the conversation.
      const hasReply = Boolean(replyable) && process.platform === 'darwin';
      const notification = new Notification({ title, body, silent: false, hasReply, replyPlaceholder: hasReply ? '…' : undefined });
      const forget = hold(notification);
      notification.on('click', () => {
        forget();
        focusWindow(window());
        onClick();
      });
      notification.on('reply', (_event, reply) => {
        forget();
        onReply(reply);
      });
      notification.on('close', forget);
      notification.on('failed', (_event, error) => {
        forget();
        log.warn('native notification failed', { error });
      });
      notification.show();
      return { handled: true };
    },
    dispose() {
      tray?.destroy();
      tray = null;
      live.clear();
    },
  };
}
