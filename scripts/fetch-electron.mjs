// postinstall: fetch the Electron binary through electron's own install script, but
// never fail the install when it cannot be downloaded (offline, or a closed network
// like our CI). electron's own postinstall is denied in package.json "allowScripts"
// because it fails the whole `npm install` there; `npm start` then uses the web host.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const script = 'node_modules/electron/install.js';
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('electron: binary download skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set); npm start will use the web host.');
} else if (existsSync(script)) {
  const result = spawnSync(process.execPath, [script], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
  if (result.status === 0) console.log('electron: binary ready; npm start opens the desktop app.');
  else console.log('electron: binary could not be downloaded (offline or blocked network); npm start will use the web host instead.');
}
