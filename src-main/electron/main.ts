import { app, type BrowserWindow, powerMonitor, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { createCore, createLineLogger } from '../core/index.js';
import { installCsp } from './csp.js';
import { APP_USER_MODEL_ID, createDesktop, focusWindow } from './desktop.js';
import { registerBridgeIpc } from './ipc.js';
import { appPaths } from './paths.js';
import { restrictPermissions } from './permissions.js';
import { SafeStorageVault } from './safeStorageVault.js';
import { reconnectOnWake } from './wake.js';
import { createHardenedWindow, hardenWebContents } from './window.js';

/** The Electron shell: one instance, one hardened window, the core behind IPC. */
const log = createLineLogger({ scope: 'main' });
app.enableSandbox();
// Windows shows native notifications only for an app with a user model id.
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => focusWindow(window));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.whenReady().then(async () => {
    const paths = appPaths();
    installCsp(session.defaultSession);
    restrictPermissions(session.defaultSession);
    const vault = new SafeStorageVault(join(paths.userData, 'credentials.safe.json'), safeStorage);
    const desktop = createDesktop(() => window, log);
    const core = createCore({ dataDir: paths.userData, vault, log, desktop });
    registerBridgeIpc(core, () => window, paths.rendererIndex, log);
    reconnectOnWake(powerMonitor, core, log);
    window = createHardenedWindow({
      width: 1280,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      title: 'Agent Workstation',
      preload: paths.preload,
    });
    window.on('closed', () => (window = null));
    // Accounts connect while the page loads; calls made meanwhile wait for the registry.
    await Promise.all([core.start(), window.loadFile(paths.rendererIndex)]);

    app.on('window-all-closed', () => app.quit());
    app.on('before-quit', () => {
      desktop.dispose();
      void core.stop();
    });
  }).catch((error: Error) => {
    log.error('start-up failed', { error: error.message });
    app.exit(1);
  });
}
