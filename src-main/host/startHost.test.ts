import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../core/testing/tempDir.js';
import { WebSocket } from 'ws';
import { BRIDGE_WS_PATH } from '../../src-shared/bridge/wire.js';
import { createCore, type Core, MemoryVault } from '../core/index.js';
import { fakeSocketFactory } from '../core/testing/fakeSocket.js';
import { memoryLogger, TOKEN } from '../core/testing/fixtures.js';
import { HOST_CSP } from './securityHeaders.js';
import { MAX_FRAME_BYTES, type RunningHost, startHost } from './startHost.js';

let core: Core;
let host: RunningHost;
let rendererDir: string;

beforeEach(async () => {
  const dir = await tempDir('host', onTestFinished);
  rendererDir = join(dir, 'dist-renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>ws</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'top secret');
  core = createCore({ dataDir: join(dir, 'data'), vault: new MemoryVault(), log: memoryLogger(), socketFactory: fakeSocketFactory().factory });
  await core.start();
  host = await startHost({ core, rendererDir, log: memoryLogger() });
});
afterEach(async () => {
  await host.close();
  await core.stop();
});

type Frame = { kind: string; id?: number; push?: string; result?: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };

/** Opens the bridge; resolves with the socket or rejects with the HTTP status of the refusal. */
function openBridge(options: { token?: string; origin?: string } = {}): Promise<WebSocket & { frames: Frame[] }> {
  const url = `ws://127.0.0.1:${host.port}${BRIDGE_WS_PATH}?token=${options.token ?? host.token}`;
  const ws = new WebSocket(url, { origin: options.origin ?? host.origin }) as WebSocket & { frames: Frame[] };
  ws.frames = [];
  ws.on('message', (data) => ws.frames.push(JSON.parse(data.toString())));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    ws.once('error', reject);
  });
}

/** A request sent byte for byte (fetch would normalise `..` away before it left). */
const rawGet = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });

const nextFrame = async (ws: { frames: Frame[] }, match: (f: Frame) => boolean): Promise<Frame> => {
  for (let i = 0; i < 200; i += 1) {
    const found = ws.frames.find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no such frame');
};

describe('web host', () => {
  it('serves the renderer with a strict CSP, nosniff, content types and an index fallback', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(HOST_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(`${host.origin}/assets/app.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await (await fetch(`${host.origin}/inbox/c1`)).text()).toContain('<title>ws</title>');
    expect((await fetch(`${host.origin}/missing.js`)).status).toBe(404);
  });

  it.each([
    ['/..%2fsecret.txt', 403],
    ['/assets/..%2f..%2fsecret.txt', 403],
    ['/%2e%2e%2fsecret.txt', 403],
    ['/../secret.txt', 404], // the URL parser already folds a literal `..` into the root
  ])(
    'does not serve %s from outside the renderer',
    async (path, status) => {
      const res = await rawGet(path);
      expect(res.body).not.toContain('top secret');
      expect(res.status).toBe(status);
    },
  );

  it('answers 503 with a hint when the renderer is not built', async () => {
    const bare = await startHost({ core, rendererDir: join(rendererDir, 'nope'), log: memoryLogger() });
    const res = await fetch(bare.url);
    await bare.close();
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build:renderer/);
  });

  it.each([
    ['a wrong token', { token: 'guess' }, '401'],
    ['no token', { token: '' }, '401'],
    ['a foreign origin', { origin: 'http://evil.example' }, '403'],
    ['a localhost origin on another port', { origin: 'http://127.0.0.1:1' }, '403'],
  ])('refuses the bridge with %s', async (_name, options, status) => {
    await expect(openBridge(options)).rejects.toThrow(status);
  });

  it('round-trips a call, pushes to the page, and survives bad frames', async () => {
    const ws = await openBridge();
    ws.send(JSON.stringify({ id: 1, call: 'accounts/add', input: { hubUrl: 'http://127.0.0.1:4999', token: TOKEN } }));
    const added = await nextFrame(ws, (f) => f.id === 1);
    expect(added).toMatchObject({ kind: 'result', result: { ok: true, value: { id: 'shop1', status: 'connecting' } } });
    expect(await nextFrame(ws, (f) => f.kind === 'push')).toMatchObject({ push: 'accounts/status-changed' });

    ws.send('{ this is not json');
    expect(await nextFrame(ws, (f) => f.id === 0)).toMatchObject({ result: { ok: false, error: { code: 'validation' } } });
    ws.send(JSON.stringify({ id: 2, call: 'accounts/format-disk', input: {} }));
    expect(await nextFrame(ws, (f) => f.id === 2)).toMatchObject({ result: { ok: false, error: { code: 'unknown-call' } } });
    ws.send(JSON.stringify({ id: 3, call: 'events/committed', input: { accountId: 'shop1', seq: 'x' } }));
    expect((await nextFrame(ws, (f) => f.id === 3)).result?.error).toMatchObject({ code: 'validation', message: expect.stringMatching(/^seq/) });
    ws.send(JSON.stringify({ id: 4, nocall: true }));
    expect((await nextFrame(ws, (f) => f.id === 4)).result?.error).toMatchObject({ code: 'validation', message: expect.stringMatching(/call/) });

    ws.send(JSON.stringify({ id: 5, call: 'accounts/list', input: {} }));
    expect(await nextFrame(ws, (f) => f.id === 5)).toMatchObject({ result: { ok: true, value: [{ id: 'shop1' }] } });
    ws.close();
  });

  it('closes a page that sends an oversized frame and keeps serving others', async () => {
    const big = await openBridge();
    const closed = new Promise<number>((resolve) => big.on('close', (code) => resolve(code)));
    big.send(JSON.stringify({ id: 1, call: 'accounts/list', input: 'x'.repeat(MAX_FRAME_BYTES + 10) }));
    expect(await closed).toBe(1009);
    const ws = await openBridge();
    ws.send(JSON.stringify({ id: 7, call: 'accounts/list', input: {} }));
    expect(await nextFrame(ws, (f) => f.id === 7)).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('refuses requests whose Host header is not this host (DNS rebinding)', async () => {
    expect((await rawGet('/', { host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await rawGet('/', { host: `localhost:${host.port}` })).status).toBe(200);
  });
});
