import { join } from 'node:path';
import { HubAdminError, startHub } from '../../src-hub/index.js';
import { removeLock, writeLock } from '../../src-hub/cli/lockFile.js';
import { startSimulator } from '../../src-hub/sim/simulator.js';
import type { AccountView } from '../../src-shared/index.js';
import { createCore, FileVault, type Logger } from '../core/index.js';
import { startHost } from '../host/startHost.js';
import { DEMO_ACCOUNTS, DEMO_PERSON } from './demoAccounts.js';
import { DEMO_CANNED } from './demoCanned.js';
import { loadDemoKb } from '../../assets/kb/index.js';
import type { DemoArgs } from './demoArgs.js';

const demoKnowledge = () => [...loadDemoKb(), ...DEMO_CANNED];

export interface RunningDemo {
  workstationUrl: string;
  hubUrl: string;
  widgetUrls: string[];
  close(): Promise<void>;
}

/**
 * The embedded default: a hub with the demo shops, the workstation core connected
 * to both (tokens issued on first run, kept in the vault after), the web host, and
 * simulated customers. Running it again reuses the same data.
 */
export async function startDemo(args: DemoArgs, log: Logger, hubLog: (line: string) => void): Promise<RunningDemo> {
  const hubDir = join(args.dataDir, 'hub');
  const hub = await startHub({ host: '127.0.0.1', port: args.hubPort, dataDir: hubDir, log: hubLog, bot: { name: '小鹿助手' } });
  // The lock tells `npm run hub:account -- --data <dir>` to go through this hub's admin API.
  await writeLock(hubDir, { pid: process.pid, port: hub.port, url: hub.url });
  for (const account of DEMO_ACCOUNTS) {
    const created = await hub.admin.createAccount(account).then(
      () => true,
      (e: unknown) => {
        if (e instanceof HubAdminError && e.code === 'duplicate-account') return false;
        throw e;
      },
    );
    // A new shop starts with the demo knowledge base and canned replies (a re-run keeps what it has).
    if (created) for (const article of demoKnowledge()) await hub.admin.upsertKbArticle(account.id, article);
    // Routing on: queued customers go to whoever is online with room (here, the demo person).
    if (created) await hub.admin.setRoutingConfig(account.id, { autoAssign: true });
  }

  const workstationDir = join(args.dataDir, 'workstation');
  const core = createCore({ dataDir: workstationDir, vault: new FileVault(join(workstationDir, 'credentials.json')), log });
  await core.start();
  const listed = await core.handlers.invoke('accounts/list', {});
  const known = new Set(listed.ok ? (listed.value as AccountView[]).map((a) => a.id) : []);
  for (const account of DEMO_ACCOUNTS.filter((a) => !known.has(a.id))) {
    const { token } = await hub.admin.issueToken({ accountId: account.id, ...DEMO_PERSON });
    const added = await core.handlers.invoke('accounts/add', { hubUrl: hub.url, token });
    if (!added.ok) throw new Error(`demo: could not add ${account.id}: ${added.error.message}`);
  }

  const host = await startHost({ host: '127.0.0.1', port: args.hostPort, core, log });
  const sim = args.simulate
    ? startSimulator({ hubUrl: hub.url, accountIds: DEMO_ACCOUNTS.map((a) => a.id), intervalMs: args.intervalMs, maxMessages: args.messages })
    : null;

  return {
    workstationUrl: host.url,
    hubUrl: hub.url,
    widgetUrls: DEMO_ACCOUNTS.map((a) => `${hub.url}/widget/${a.id}`),
    async close() {
      await sim?.stop();
      await host.close();
      await core.stop();
      await hub.close();
      await removeLock(hubDir);
    },
  };
}
