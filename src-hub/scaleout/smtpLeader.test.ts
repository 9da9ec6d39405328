import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTP_LISTENER_LOCK, startHub, type RunningHub } from '../index.js';
import { connectAgent, makeAccount } from '../testing/fixtures.js';
import { sendTestMail, startTestRelay, type TestRelay } from '../testing/smtp.js';
import { closeAllSockets, eventually } from '../testing/sockets.js';
import { makeTempDir } from '../testing/testHub.js';
import { leadByAdvisoryLock } from './leadership.js';
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
      // Settles on one node holding the lock and listening, and stays so for 2.5 s (more than
      // two retries). A new leader whose listener could not bind (the old one still listening)
      // would give the lock back at once, every retry, and never settle. The first moments may
      // see such a try: a follower's turn can fall between the kill and the old leader hearing of it.
      let settledSince: number | null = null;
      for (const deadline = Date.now() + 15_000; ; ) {
        const settled = (await holders()) === 1 && listening() === 1;
        settledSince = settled ? (settledSince ?? Date.now()) : null;
        if (settledSince !== null && Date.now() - settledSince >= 2_500) break;
        if (Date.now() > deadline) throw new Error(`no node kept the lead: lock holders ${await holders()}, listening ${listening()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await admin.end();
    }
    await eventually(() => expect(listening()).toBe(1), 10_000);
  });

  it('a leader stops its role as soon as its session ends, not at the next heartbeat', async () => {
    const lockKey = 4_242_001;
    const stops: number[] = [];
    // A minute between heartbeats: only the session's end can stop the role within the test.
    const lead = leadByAdvisoryLock({ databaseUrl, lockKey, name: 'test role', log: () => {}, retryMs: 60_000 });
    const leadership = await lead(async () => async () => void stops.push(Date.now()));
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      expect(leadership.leading).toBe(true);
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [lockKey]);
      expect(killed.rows).toHaveLength(1);
      await eventually(() => expect(stops).toHaveLength(1), 5_000);
      expect(leadership.leading).toBe(false);
    } finally {
      await admin.end();
      await leadership.close();
    }
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
