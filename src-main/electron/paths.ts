import { app } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built pieces are: dist-electron/ beside dist-renderer/ under the app root. */
export const appPaths = () => ({
  rendererIndex: join(app.getAppPath(), 'dist-renderer', 'index.html'),
  preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
  userData: app.getPath('userData'),
});
