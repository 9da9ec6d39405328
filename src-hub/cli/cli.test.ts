import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../index.js';
import { adminSecretPath } from '../http/adminSecret.js';
import { postSignedMessage } from '../sim/connectorClient.js';
import { smtpCodeOf } from '../testing/smtp.js';
import { closeAllSockets, connect, connectOutcome } from '../testing/sockets.js';
import { makeTempDir } from '../testing/testHub.js';
import { lockPath, removeLock, writeLock } from './lockFile.js';

const CLI = new URL('./main.ts', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.once('close', (code) => resolve({ code, ...out })));
  return { child, out, done };
}

const runCli = (args: string[]): Promise<Run> => startCli(args).done;
const tokenIn = (stdout: string): string => stdout.split('\n').find((line) => line.startsWith('ws1.')) ?? '';

let dataDir: string;
let hub: RunningHub | null = null;
let aliceToken: string;

beforeAll(async () => {
  dataDir = await makeTempDir();
  // With no hub running, the CLI opens the store itself.
  const created = await runCli(
    ['account', 'create', '--data', dataDir, '--id', 'shop-a', '--name', '小店 A', '--channel', 'webchat', '--person', 'alice', '--person-name', 'Alice', '--role', 'agent'],
  );
  expect(created.stderr).toBe('');
  expect(created.code).toBe(0);
  aliceToken = tokenIn(created.stdout);
  hub = await startHub({ dataDir, port: 0 });
  await writeLock(dataDir, { pid: process.pid, port: hub.port, url: hub.url });
}, 60_000);
afterEach(closeAllSockets);
afterAll(async () => {
  await hub?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('account commands', () => {
  it('account create printed a token that authenticates with the hub', async () => {
    expect(aliceToken).toMatch(/^ws1\.shop-a\./);
    const session = await connect(hub!.url, '/agent', { accountId: 'shop-a', token: aliceToken, cursor: 0 }).session;
    expect(session.person).toEqual({ id: 'alice', name: 'Alice', role: 'agent' });
  });

  it('with the hub running (live lock), issues and revokes through the admin API', async () => {
    const issued = await runCli(['account', 'token', '--data', dataDir, '--account', 'shop-a', '--person', 'bob', '--person-name', 'Bob', '--role', 'lead']);
    expect(issued.code).toBe(0);
    // The running hub sees the token at once: it was written through the hub, not behind its back.
    const bob = connect(hub!.url, '/agent', { accountId: 'shop-a', token: tokenIn(issued.stdout), cursor: 0 });
    expect((await bob.session).person.role).toBe('lead');

    const tokenId = tokenIn(issued.stdout).split('.')[2]!;
    const dropped = new Promise((resolve) => bob.socket.once('disconnect', resolve));
    expect((await runCli(['account', 'revoke', '--data', dataDir, '--token', tokenId])).code).toBe(0);
    await dropped;
    const again = await connectOutcome(connect(hub!.url, '/agent', { accountId: 'shop-a', token: tokenIn(issued.stdout), cursor: 0 }).socket);
    expect(again.code).toBe('auth/revoked-token');
  });

  it('account webhook-secret prints a secret, once, that the running hub accepts signatures with', async () => {
    await hub!.admin.createAccount({ id: 'shop-tb', name: '淘宝小店', channel: 'taobao' });
    const run = await runCli(['account', 'webhook-secret', '--data', dataDir, '--account', 'shop-tb', '--callback', 'http://127.0.0.1:4700/callback']);
    expect(run.code).toBe(0);
    const [intro, secret] = run.stdout.trim().split('\n');
    expect(intro).toBe('webhook secret for shop-tb (callback: http://127.0.0.1:4700/callback); shown this once, keep it safe:');
    const message = { eventId: 'e1', customer: { id: 'buyer', name: '买家' }, text: '在吗', sentAt: Date.now() };
    expect((await postSignedMessage(hub!.url, 'shop-tb', secret!, message)).status).toBe(202);
  });

  it.each([
    [['account', 'webhook-secret', '--account', 'shop-a'], /^error: validation: account shop-a is a webchat account/],
    [['account', 'create', '--id', 'shop-a', '--name', 'dup', '--person', 'x'], /^error: duplicate-account: /],
    [['account', 'token', '--account', 'nope', '--person', 'x'], /^error: not-found: /],
    [['account', 'create', '--id', 'shop b', '--name', 'x', '--person', 'x'], /^error: validation: id: /],
    [['account', 'create', '--bogus'], /^error: .*bogus/],
    [['launch'], /^error: usage/],
  ])('%j fails with one clear line and exit code 1', async (args, message) => {
    const run = await runCli([...args, '--data', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')[0]).toMatch(message);
  });
});

describe('admin HTTP API', () => {
  const post = (path: string, body: unknown, secret?: string) =>
    fetch(`${hub!.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body: JSON.stringify(body),
    });

  it('keeps its secret in a file only the owner can read', async () => {
    expect((await stat(adminSecretPath(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('refuses requests without the bearer secret', async () => {
    expect((await post('/admin/accounts', { id: 'shop-x', name: 'X', channel: 'webchat' })).status).toBe(401);
    expect((await post('/admin/accounts', { id: 'shop-x', name: 'X', channel: 'webchat' }, 'wrong')).status).toBe(401);
  });

  it('validates bodies and creates accounts', async () => {
    const secret = (await readFile(adminSecretPath(dataDir), 'utf8')).trim();
    const bad = await post('/admin/accounts', { id: 'shop-x', name: 'X', channel: 'fax' }, secret);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/^channel:/) } });
    const good = await post('/admin/accounts', { id: 'shop-x', name: 'X', channel: 'email' }, secret);
    expect(good.status).toBe(201);
    expect(await good.json()).toEqual({ ok: true, account: { id: 'shop-x', name: 'X', channel: 'email' } });
  });
});

describe('serve', () => {
  it('prints the URL and widget URLs, holds the lock, and shuts down cleanly on SIGTERM', async () => {
    await hub!.close();
    hub = null;
    await removeLock(dataDir);
    const serve = startCli(['serve', '--port', '0', '--data', dataDir]);
    const deadline = Date.now() + 20_000;
    while (!serve.out.stdout.includes('widget for shop-a') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(serve.out.stdout).toMatch(/hub ready at http:\/\/127\.0\.0\.1:\d+/);
    expect(serve.out.stdout).toMatch(/widget for shop-a .*\/widget\/shop-a/);
    const lock = JSON.parse(await readFile(lockPath(dataDir), 'utf8'));
    expect(lock.pid).toBe(serve.child.pid);
    expect((await fetch(`${lock.url}/healthz`)).status).toBe(200);

    serve.child.kill('SIGTERM');
    expect((await serve.done).code).toBe(0);
    expect(existsSync(lockPath(dataDir))).toBe(false);
  });

  it('with --smtp-port and --relay-host, prints the inbox of email accounts and accepts mail there', async () => {
    const created = await runCli(['account', 'create', '--data', dataDir, '--id', 'mail-a', '--name', '邮件客服', '--channel', 'email', '--person', 'ann']);
    expect(created.stdout).toContain('created account mail-a (邮件客服, email)');
    const serve = startCli(['serve', '--port', '0', '--data', dataDir, '--smtp-port', '0', '--relay-host', '127.0.0.1', '--relay-port', '2']);
    const deadline = Date.now() + 20_000;
    while (!serve.out.stdout.includes('inbox for mail-a') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const inbox = /inbox for mail-a \(邮件客服\): (mail-a@localhost) \(smtp port (\d+)\)/.exec(serve.out.stdout);
    expect(inbox).not.toBeNull();
    expect(serve.out.stdout).not.toMatch(/inbox for shop-a/);
    expect(await smtpCodeOf(Number(inbox![2]), { from: 'buyer@customer.example', to: inbox![1], subject: 'hi', text: '你好' })).toBe(250);
    serve.child.kill('SIGTERM');
    expect((await serve.done).code).toBe(0);
  });

  it.each([
    [['--smtp-port', '0'], /^error: --smtp-port needs --relay-host/],
    [['--relay-host', 'mx.example'], /^error: --relay-host needs --smtp-port/],
    [['--smtp-port', '99999', '--relay-host', 'mx.example'], /^error: --smtp-port must be 0-65535/],
    [['--redis-url', 'redis://127.0.0.1:6379'], /^error: --redis-url needs --database-url/],
    [['--database-url', 'mysql://127.0.0.1/hub'], /^error: --database-url must be postgres:\/\//],
  ])('serve %j fails with one clear line', async (flags, message) => {
    const run = await runCli(['serve', '--port', '0', '--data', dataDir, ...flags]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')[0]).toMatch(message);
  });
});
