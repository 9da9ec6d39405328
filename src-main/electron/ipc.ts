import { type BrowserWindow, ipcMain } from 'electron';
import { bridgeCallNames } from '../../src-shared/bridge/contract.js';
import { err } from '../../src-shared/result.js';
import type { Core, Logger } from '../core/index.js';
import { isTrustedSender } from './trustedSender.js';

export const PUSH_CHANNEL = 'push';

/**
 * One `ipcMain.handle` per bridge call. The sender must be the main frame of our
 * window showing our renderer; the core handlers then validate the input.
 */
export function registerBridgeIpc(core: Core, window: () => BrowserWindow | null, rendererIndex: string, log: Logger): () => void {
  for (const name of bridgeCallNames) {
    ipcMain.handle(name, async (event, input: unknown) => {
      const ours = window();
      const frame = event.senderFrame;
      const trusted =
        ours !== null && !ours.isDestroyed() && event.sender === ours.webContents &&
        isTrustedSender(frame, frame === ours.webContents.mainFrame, rendererIndex);
      if (!trusted) {
        log.warn('bridge call from an untrusted frame refused', { call: name, url: frame?.url ?? null });
        return err('forbidden', `${name}: not allowed from this frame`);
      }
      return core.handlers.invoke(name, input);
    });
  }
  const unsubscribe = core.onPush((push, payload) => {
    const ours = window();
    if (ours && !ours.isDestroyed()) ours.webContents.send(PUSH_CHANNEL, push, payload);
  });
  return () => {
    unsubscribe();
    for (const name of bridgeCallNames) ipcMain.removeHandler(name);
  };
}
