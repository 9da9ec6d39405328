import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../index.js';
import { customerSays, makeAccount, type AccountFixture } from '../testing/fixtures.js';
import { closeAllSockets, command, connect, connectOutcome } from '../testing/sockets.js';
import { makeTempDir } from '../testing/testHub.js';
import { STORE_DRIVERS } from '../testing/storeDrivers.js';
import { openDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';

afterEach(closeAllSockets);

/** One store, two hub lifetimes: everything written in the first must be there in the second. */
describe.each(STORE_DRIVERS)('the store on $name', (driver) => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let tearDown = async () => {};
  let hub: RunningHub;
  let fixture: AccountFixture;
  let revokedToken: string;
  let conversationId: string;
  let firstAck: { message: { id: string } };
  let versionAfterReopen: unknown;

  /** Opening runs the migrations again: they must skip what is already applied. */
  async function schemaVersion() {
    const db = await openDatabase(databaseUrl ?? dataDir);
    try {
      return (await db.query('SELECT version FROM schema_version')).rows;
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    if (driver.skip) return;
    dataDir = await makeTempDir();
    ({ databaseUrl, tearDown } = await driver.setUp());
    const options = { dataDir, port: 0, ...(databaseUrl ? { databaseUrl } : {}) };
    const first = await startHub(options);
    fixture = await makeAccount(first);
    const revoked = await first.admin.issueToken({ accountId: fixture.accountId, personId: 'eve', personName: 'Eve', role: 'agent' });
    await first.admin.revokeToken(revoked.tokenId);
    revokedToken = revoked.token;
    conversationId = await customerSays(first, fixture.accountId, '还没收到货');
    const agent = connect(first.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: 0 });
    await agent.synced;
    firstAck = await command(agent.socket, 'message.send', { clientId: 'persisted-01', conversationId, text: '已为您催促快递' });
    agent.socket.close();
    await first.close();
    await first.close(); // safe twice
    versionAfterReopen = await schemaVersion();
    hub = await startHub(options);
  });
  afterAll(async () => {
    if (driver.skip) return;
    await hub?.close();
    await tearDown();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.skipIf(driver.skip)('keeps accounts, tokens and the event log across a restart', async () => {
    const agent = connect(hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: 0 });
    const { headSeq } = await agent.session;
    await agent.synced;
    expect(agent.events.at(-1)!.seq).toBeGreaterThanOrEqual(headSeq);
    // Routing journals the agent's presence when they connect; the rest is the conversation.
    const conversationEvents = agent.events.filter((e) => e.type !== 'agent.presence').map((e) => e.type);
    expect(conversationEvents).toEqual(['conversation.upsert', 'message.created', 'message.created', 'conversation.upsert']);
  });

  it.skipIf(driver.skip)('keeps revocations across a restart', async () => {
    const outcome = await connectOutcome(connect(hub.url, '/agent', { accountId: fixture.accountId, token: revokedToken, cursor: 0 }).socket);
    expect(outcome.code).toBe('auth/revoked-token');
  });

  it.skipIf(driver.skip)('keeps idempotency across a restart: the outbox replay is a duplicate', async () => {
    const agent = connect(hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: 4 });
    await agent.synced;
    const replay = await command(agent.socket, 'message.send', { clientId: 'persisted-01', conversationId, text: '已为您催促快递' });
    expect(replay).toMatchObject({ ok: true, duplicate: true, message: { id: firstAck.message.id } });
    const head = Math.max((await agent.session).headSeq, agent.events.at(-1)?.seq ?? 0);
    expect(await command(agent.socket, 'agent.status', { status: 'online' })).toEqual({ ok: true });
    const next = connect(hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: head });
    await next.synced;
    expect(next.events.map((e) => [e.seq, e.type])).toEqual([[head + 1, 'agent.presence']]);
  });

  it.skipIf(driver.skip)('refuses a second account with the same id', async () => {
    await expect(hub.admin.createAccount({ id: fixture.accountId, name: 'again', channel: 'webchat' })).rejects.toMatchObject({
      code: 'duplicate-account',
    });
  });

  it.skipIf(driver.skip)('runs migrations once and records the version', () => {
    expect(versionAfterReopen).toEqual([{ version: MIGRATIONS.at(-1)!.version }]);
  });
});
