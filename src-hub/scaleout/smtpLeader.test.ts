import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTP_LISTENER_LOCK, startHub, type RunningHub } from '../index.js';
import { connectAgent, makeAccount } from '../testing/fixtures.js';
import { sendTestMail, startTestRelay, type TestRelay } from '../testing/smtp.js';
import { closeAllSockets, eventually } from '../testing/sockets.js';
import { makeTempDir } from '../testing/testHub.js';
import { skipServices, startServices, type Services } from './services.js';

/**
 * Two hub nodes of one cluster, both configured with the same SMTP port (as the
 * same config is rolled out to every node): exactly one listens; when it stops,
 * the other takes the listener over and mail is accepted again at the same port.
 */
const skip = skipServices();

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(skip)('the SMTP listener in a two-node cluster', () => {
  let services: Services;
  let relay: TestRelay;
  const dirs: string[] = [];
  const nodes: RunningHub[] = [];
  let smtpPort: number;
  let databaseUrl: string;

  beforeAll(async () => {
    services = await startServices();
    relay = await startTestRelay();
    smtpPort = await freePort();
    databaseUrl = await services.freshDatabase();
    const startNode = async () => {
      const dataDir = await makeTempDir();
      dirs.push(dataDir);
      return startHub({ dataDir, port: 0, databaseUrl, redisUrl: services.redisUrl!, bot: { enabled: false }, email: { smtpPort, relay: { host: '127.0.0.1', port: relay.port } } });
    };
    // Started together, as a rollout does: without leadership the second bind fails with EADDRINUSE.
    nodes.push(...(await Promise.all([startNode(), startNode()])));
  });
  afterAll(async () => {
    closeAllSockets();
    for (const node of nodes) await node.close();
    await relay?.close();
    await services?.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const listening = () => nodes.filter((node) => node.email!.smtpPort === smtpPort).length;

  it('when the leader\'s database session dies, it stops listening and one node leads again', async () => {
    expect(listening()).toBe(1);
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      // The lock's session, killed from the server side: what PostgreSQL sees when a node dies.
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [SMTP_LISTENER_LOCK]);
      expect(killed.rows).toHaveLength(1);
      const holders = async () => (await admin.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [SMTP_LISTENER_LOCK])).rows.length;
      for (const deadline = Date.now() + 10_000; (await holders()) !== 1; ) {
        if (Date.now() > deadline) throw new Error('no node took the lock again');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // And it stays held: a new leader whose listener could not bind (the old one still
      // listening) would give the lock back at once, every retry.
      for (let i = 0; i < 25; i++) {
        expect(await holders()).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await admin.end();
    }
    await eventually(() => expect(listening()).toBe(1), 10_000);
  });

  it('one node listens; when it stops, the other takes over the port and mail keeps arriving', async () => {
    const ports = nodes.map((node) => node.email!.smtpPort);
    expect(ports.filter((port) => port === smtpPort)).toHaveLength(1);
    expect(ports.filter((port) => port === null)).toHaveLength(1);
    const leader = nodes[ports.indexOf(smtpPort)]!;
    const follower = nodes[ports.indexOf(null)]!;

    const fixture = await makeAccount(follower, 'email');
    const inbox = follower.email!.addressOf(fixture.accountId);
    const agent = await connectAgent(follower, fixture);
    const mailed = () => agent.events.filter((e) => e.type === 'message.created').map((e) => (e.data as { text: string }).text.trim());
    await sendTestMail(smtpPort, { from: 'buyer@customer.example', to: inbox, subject: '在吗', text: '第一封' });
    await eventually(() => expect(mailed()).toEqual(['第一封']));

    await leader.close();
    await eventually(() => expect(follower.email!.smtpPort).toBe(smtpPort), 10_000);
    await sendTestMail(smtpPort, { from: 'buyer@customer.example', to: inbox, subject: 'Re: 在吗', text: '第二封' });
    await eventually(() => expect(mailed()).toEqual(['第一封', '第二封']));
  });
});
