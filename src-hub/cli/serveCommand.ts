import { parseArgs } from 'node:util';
import { PLATFORM_CHANNELS } from '../adapters/webhook/webhookOptions.js';
import { startHub } from '../index.js';
import { connectRunningHub } from './adminPort.js';
import { CliError, DEFAULT_DATA_DIR } from './cliError.js';
import { CLUSTER_FLAGS, clusterOptionsFrom, describeStore } from './clusterFlags.js';
import { EMAIL_FLAGS, emailOptionsFrom } from './emailFlags.js';
import { readLiveLock, removeLock, writeLock } from './lockFile.js';

/** Runs the hub until SIGINT/SIGTERM, holding `<dataDir>/hub.lock` (pid + port) meanwhile. */
export async function serveCommand(args: string[], print: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4600' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      ...EMAIL_FLAGS,
      ...CLUSTER_FLAGS,
      // The first-line bot answers web chat from the KB unless this is given.
      'no-bot': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be 0-65535, got ${values.port}`);
  const email = emailOptionsFrom(values);
  const cluster = clusterOptionsFrom(values);
  const running = await readLiveLock(values.data);
  if (running) throw new CliError(`a hub (pid ${running.pid}) already serves ${values.data} at ${running.url}`);
  await removeLock(values.data); // a stale lock from a crash

  const hub = await startHub({ host: values.host, port, dataDir: values.data, ...cluster, log: print, ...(email ? { email } : {}), bot: { enabled: !values['no-bot'] } });
  await writeLock(values.data, { pid: process.pid, port: hub.port, url: hub.url });
  print(`hub ready at ${hub.url} (${describeStore(cluster, values.data)}${values['no-bot'] ? ', bot off' : ''})`);
  const accounts = await (await connectRunningHub(values.data, hub.url)).listAccounts();
  for (const account of accounts.ok ? accounts.value : []) {
    print(`  widget for ${account.id} (${account.name}): ${hub.url}/widget/${account.id}`);
    if (PLATFORM_CHANNELS.has(account.channel)) print(`  webhook for ${account.id} (${account.name}): POST ${hub.url}/webhook/${account.id}/messages`);
    if (account.channel === 'email' && hub.email) {
      const listener = hub.email.smtpPort === null ? 'smtp on another node of the cluster' : `smtp port ${hub.email.smtpPort}`;
      print(`  inbox for ${account.id} (${account.name}): ${hub.email.addressOf(account.id)} (${listener})`);
    }
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    print(`${signal}: shutting down`);
    await hub.close();
    await removeLock(values.data);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
