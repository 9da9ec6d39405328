import { closeOnSignals } from './closeOnSignals.js';
import { createLineLogger } from '../core/index.js';
import { parseHostArgs } from './args.js';
import { startHost } from './startHost.js';

/** `npm run host`: the core in plain Node, the renderer in any Chromium. Logs go to stderr. */
async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const log = createLineLogger({ level: args.verbose ? 'debug' : 'warn', scope: 'host' });
  const host = await startHost({ host: args.host, port: args.port, dataDir: args.dataDir, rendererDir: args.rendererDir, log });
  process.stdout.write(`Workstation web host ready: open ${host.url}\n`);
  closeOnSignals(() => host.close());
}

main().catch((error: Error) => {
  process.stderr.write(`web host failed to start: ${error.message}\n`);
  process.exit(1);
});
