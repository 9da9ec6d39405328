// `npm start`: the Electron app when its binary is installed, otherwise the web host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The path of the Electron binary, or null (the npm package throws when it was never downloaded). */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Runs a child with our stdio, passes on Ctrl-C / SIGTERM and exits with its code. */
function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = electronBinary();
if (binary) {
  const built = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(binary, ['.', ...process.argv.slice(2)]);
} else {
  console.log(
    'Electron binary not installed (npm skips its download script, and some networks cannot fetch it): starting the web host instead; open the URL below in Chromium. For the desktop app, run `node node_modules/electron/install.js` where the network allows.',
  );
  const built = spawnSync(npm, ['run', '--silent', 'build:renderer'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(process.execPath, ['--import', 'tsx', 'src-main/host/main.ts', ...process.argv.slice(2)]);
}
