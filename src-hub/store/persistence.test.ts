import { rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../index.js';
import { customerSays, makeAccount, type AccountFixture } from '../testing/fixtures.js';
import { closeAllSockets, command, connect, connectOutcome } from '../testing/sockets.js';
import { makeTempDir } from '../testing/testHub.js';
import { openDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';

/** One data dir, two hub lifetimes: everything written in the first must be there in the second. */
let dataDir: string;
let hub: RunningHub;
let fixture: AccountFixture;
let revokedToken: string;
let conversationId: string;
let firstAck: { message: { id: string } };
let versionAfterReopen: unknown;

/** Opening runs the migrations again: they must skip what is already applied. */
async function schemaVersionOf(dir: string) {
  const db = await openDatabase(dir);
  try {
    return (await db.query('SELECT version FROM schema_version')).rows;
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  dataDir = await makeTempDir();
  const first = await startHub({ dataDir, port: 0 });
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
  versionAfterReopen = await schemaVersionOf(dataDir);
  hub = await startHub({ dataDir, port: 0 });
});
afterEach(closeAllSockets);
afterAll(async () => {
  await hub.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('keeps accounts, tokens and the event log across a restart', async () => {
  const agent = connect(hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: 0 });
  expect((await agent.session).headSeq).toBe(4);
  await agent.synced;
  expect(agent.events.map((e) => e.type)).toEqual(['conversation.upsert', 'message.created', 'message.created', 'conversation.upsert']);
});

it('keeps revocations across a restart', async () => {
  const outcome = await connectOutcome(connect(hub.url, '/agent', { accountId: fixture.accountId, token: revokedToken, cursor: 0 }).socket);
  expect(outcome.code).toBe('auth/revoked-token');
});

it('keeps idempotency across a restart: the outbox replay is a duplicate', async () => {
  const agent = connect(hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: 4 });
  await agent.synced;
  const replay = await command(agent.socket, 'message.send', { clientId: 'persisted-01', conversationId, text: '已为您催促快递' });
  expect(replay).toMatchObject({ ok: true, duplicate: true, message: { id: firstAck.message.id } });
  expect(await command(agent.socket, 'agent.status', { status: 'online' })).toEqual({ ok: true });
  const next = connect(hub.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: 4 });
  await next.synced;
  expect(next.events.map((e) => [e.seq, e.type])).toEqual([[5, 'agent.presence']]);
});

it('refuses a second account with the same id', async () => {
  await expect(hub.admin.createAccount({ id: fixture.accountId, name: 'again', channel: 'webchat' })).rejects.toMatchObject({
    code: 'duplicate-account',
  });
});

it('runs migrations once and records the version', () => {
  expect(versionAfterReopen).toEqual([{ version: MIGRATIONS.at(-1)!.version }]);
});
