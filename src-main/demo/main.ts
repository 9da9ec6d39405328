import { closeOnSignals } from '../host/closeOnSignals.js';
import { createLineLogger } from '../core/index.js';
import { parseDemoArgs } from './demoArgs.js';
import { startDemo } from './startDemo.js';

/** `npm run demo`: what a new user runs first. */
async function main(): Promise<void> {
  const args = parseDemoArgs(process.argv.slice(2));
  const log = createLineLogger({ level: 'warn', scope: 'demo' });
  process.stdout.write('Starting the demo workspace (the embedded store takes a few seconds the first time)…\n');
  const demo = await startDemo(args, log, () => {});
  process.stdout.write(
    [
      '',
      `  Workstation (open in Chromium):  ${demo.workstationUrl}`,
      ...demo.widgetUrls.map((url) => `  Customer web-chat widget:        ${url}`),
      `  Hub:                             ${demo.hubUrl}`,
      '',
      args.simulate ? `  Simulated customers are writing in (up to ${args.messages} messages). Ctrl+C stops everything.` : '  Ctrl+C stops everything.',
      '',
    ].join('\n'),
  );
  closeOnSignals(() => demo.close());
}

main().catch((error: Error) => {
  const hint = /EADDRINUSE/.test(error.message) ? ' (a port is taken: try --hub-port 0 --port 0)' : '';
  process.stderr.write(`demo failed to start: ${error.message}${hint}\n`);
  process.exit(1);
});
