import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../testing/tempDir.js';
import { IMAGE_SAMPLES, SVG_WITH_SCRIPT } from '../../../src-shared/domain/imageSamples.js';
import { createCore, type Core } from '../createCore.js';
import { systemClock } from '../ports/clock.js';
import { AccountRegistry } from '../registry/accountRegistry.js';
import { fakeSocketFactory } from '../testing/fakeSocket.js';
import { ACCOUNT, memoryLogger, TOKEN } from '../testing/fixtures.js';
import { MemoryVault } from '../vault/credentialVault.js';
import { attachmentOperations } from './attachmentOperations.js';

const PNG = IMAGE_SAMPLES['image/png'];
const ID = 'c'.repeat(64);

/**
 * The hub's HTTP side at the test boundary (main may not import the hub; the hub's own
 * tests cover the real endpoint): it records what main sent and answers as the hub does.
 */
function hubDouble() {
  const requests: Array<{ method: string; url: string; auth: string | undefined; type: string | undefined; name: string | undefined; body: Buffer }> = [];
  let served = { type: 'image/png', body: Buffer.from(PNG, 'base64') };
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, type: req.headers['content-type'], name: req.headers['x-attachment-name'] as string | undefined, body: Buffer.concat(chunks) });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'refused: auth/invalid-token' } }));
    if (req.method === 'POST') {
      const attachment = { id: ID, kind: 'image', mime: req.headers['content-type'], size: Buffer.concat(chunks).length, width: 1, height: 1, name: decodeURIComponent(String(req.headers['x-attachment-name'])) };
      return void res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, attachment }));
    }
    if (req.url!.endsWith(ID)) return void res.writeHead(200, { 'content-type': served.type }).end(served.body);
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'not-found', message: 'no such image' } }));
  });
  return { server, requests, serve: (type: string, body: string) => (served = { type, body: Buffer.from(body) }) };
}

let hub: ReturnType<typeof hubDouble>;
let hubUrl: string;
let core: Core;
let dataDir: string;
beforeEach(async () => {
  hub = hubDouble();
  await new Promise<void>((resolve) => hub.server.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
  dataDir = await tempDir('attachments', onTestFinished);
  core = createCore({ dataDir, vault: new MemoryVault(), log: memoryLogger(), socketFactory: fakeSocketFactory().factory });
  await core.start();
  await core.handlers.invoke('accounts/add', { hubUrl, token: TOKEN });
  return async () => {
    await core.stop();
    await new Promise((resolve) => hub.server.close(resolve));
  };
});

describe('attachments/upload', () => {
  it('uploads the bytes with the account token from the vault and answers the hub’s attachment', async () => {
    const result = await core.handlers.invoke('attachments/upload', { accountId: ACCOUNT, mime: 'image/png', name: '截图 1.png', data: PNG });
    expect(result).toEqual({ ok: true, value: { id: ID, kind: 'image', mime: 'image/png', size: Buffer.from(PNG, 'base64').length, width: 1, height: 1, name: '截图 1.png' } });
    expect(hub.requests).toHaveLength(1);
    expect(hub.requests[0]).toMatchObject({ method: 'POST', url: `/attachments/${ACCOUNT}`, auth: `Bearer ${TOKEN}`, type: 'image/png', name: encodeURIComponent('截图 1.png') });
    expect(hub.requests[0]!.body.toString('base64')).toBe(PNG);
  });

  it.each([
    ['an svg type', { mime: 'image/svg+xml', data: Buffer.from(SVG_WITH_SCRIPT).toString('base64') }, 'validation'],
    ['bytes that are not base64', { mime: 'image/png', data: 'not base64!' }, 'validation'],
    ['svg bytes claimed as png', { mime: 'image/png', data: Buffer.from(SVG_WITH_SCRIPT).toString('base64') }, 'unsupported-media'],
    ['png bytes claimed as gif', { mime: 'image/gif', data: PNG }, 'unsupported-media'],
  ])('refuses %s before anything leaves main', async (_, input, code) => {
    const result = await core.handlers.invoke('attachments/upload', { accountId: ACCOUNT, name: 'x.png', ...input });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(hub.requests).toHaveLength(0);
  });

  it('says an account on a text-only channel takes no images', async () => {
    const registry = new AccountRegistry({ path: join(dataDir, 'accounts.json'), log: memoryLogger(), clock: systemClock });
    await registry.load();
    await registry.update(ACCOUNT, { channel: 'taobao' });
    const vault = new MemoryVault();
    await vault.set(ACCOUNT, TOKEN);
    const result = await attachmentOperations({ registry, vault })['attachments/upload']({ accountId: ACCOUNT, mime: 'image/png', name: 'x.png', data: PNG });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-media', message: 'this channel does not take images' } });
    expect(hub.requests).toHaveLength(0);
  });

  it('answers offline when the hub cannot be reached', async () => {
    await new Promise((resolve) => hub.server.close(resolve));
    hub.server.closeAllConnections();
    const result = await core.handlers.invoke('attachments/upload', { accountId: ACCOUNT, mime: 'image/png', name: 'x.png', data: PNG });
    expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
    hub.server.listen(0); // so the cleanup's close has a server to close
  });
});

describe('attachments/load', () => {
  it('fetches the bytes with the token and hands the renderer base64, never a URL with a token', async () => {
    const result = await core.handlers.invoke('attachments/load', { accountId: ACCOUNT, attachmentId: ID });
    expect(result).toEqual({ ok: true, value: { mime: 'image/png', data: PNG } });
    expect(hub.requests[0]).toMatchObject({ method: 'GET', url: `/attachments/${ACCOUNT}/${ID}`, auth: `Bearer ${TOKEN}` });
  });

  it('refuses what is not an image even if the hub says so, and passes the hub’s not-found on', async () => {
    hub.serve('image/svg+xml', SVG_WITH_SCRIPT);
    expect(await core.handlers.invoke('attachments/load', { accountId: ACCOUNT, attachmentId: ID })).toMatchObject({ ok: false, error: { code: 'unsupported-media' } });
    // The header says png, the bytes say svg: refused on the bytes.
    hub.serve('image/png', SVG_WITH_SCRIPT);
    expect(await core.handlers.invoke('attachments/load', { accountId: ACCOUNT, attachmentId: ID })).toMatchObject({ ok: false, error: { code: 'unsupported-media' } });
    expect(await core.handlers.invoke('attachments/load', { accountId: ACCOUNT, attachmentId: 'd'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await core.handlers.invoke('attachments/load', { accountId: ACCOUNT, attachmentId: '../../admin' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
