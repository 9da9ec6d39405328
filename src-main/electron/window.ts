import { BrowserWindow, type BrowserWindowConstructorOptions, shell, type WebContents } from 'electron';
import { externalUrl } from './externalUrl.js';

/**
 * Every webContents, ours or not: no navigation away, no new windows (http/https
 * links go to the OS browser after parsing), no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const safe = externalUrl(url);
    if (safe) void shell.openExternal(safe);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one way we create a window: the hardened webPreferences cannot be overridden. */
export function createHardenedWindow(options: BrowserWindowConstructorOptions & { preload: string }): BrowserWindow {
  const { preload, webPreferences: _ignored, ...rest } = options;
  const window = new BrowserWindow({
    show: false,
    ...rest,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  return window;
}
