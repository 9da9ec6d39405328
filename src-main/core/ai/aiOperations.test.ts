import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryVault } from '../vault/credentialVault.js';
import { aiOperations } from './aiOperations.js';
import { REWRITE_KEY_SLOT } from './rewriteSettings.js';

/**
 * The LLM provider is a true outside boundary: a tiny local HTTP server speaking the
 * OpenAI chat-completions shape stands in for it (Ollama, vLLM, OpenAI...), on 127.0.0.1.
 */
type Reply = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse) => void;
const completion = (content: string) => ({ id: 'chatcmpl-1', object: 'chat.completion', model: 'qwen2.5:3b', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });

async function provider(reply: Reply) {
  const seen: { url: string; auth: string | undefined; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      seen.push({ url: req.url ?? '', auth: req.headers.authorization, body });
      reply(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  cleanups.push(() => new Promise((r) => server.close(() => r(undefined))));
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(timeoutMs = 2_000) {
  const dir = await mkdtemp(join(tmpdir(), 'ai-ops-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const vault = new MemoryVault();
  return { dir, vault, ops: aiOperations(dir, vault, { timeoutMs }) };
}

const REQUEST = { text: '现货商品下单后 48 小时内发货。', question: '沙发什么时候发货？', language: 'zh-CN' as const };

describe('ai operations', () => {
  it('is off by default and says so', async () => {
    const { ops } = await setup();
    expect(await ops['ai/rewrite-settings']({})).toEqual({ ok: true, value: { enabled: false, baseUrl: '', model: '', hasKey: false } });
    expect(await ops['ai/rewrite'](REQUEST)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps the API key in the vault only, never in the settings file or the view', async () => {
    const { dir, vault, ops } = await setup();
    const saved = await ops['ai/configure-rewrite']({ enabled: true, baseUrl: 'http://127.0.0.1:1/v1', model: 'm', apiKey: 'sk-secret-1' });
    expect(saved).toEqual({ ok: true, value: { enabled: true, baseUrl: 'http://127.0.0.1:1/v1', model: 'm', hasKey: true } });
    expect(await vault.get(REWRITE_KEY_SLOT)).toBe('sk-secret-1');
    expect(await readFile(join(dir, 'ai-rewrite.json'), 'utf8')).not.toContain('sk-secret');

    await ops['ai/configure-rewrite']({ enabled: true, baseUrl: 'http://127.0.0.1:1/v1', model: 'm2' }); // no key: keep it
    expect(await vault.get(REWRITE_KEY_SLOT)).toBe('sk-secret-1');
    const forgot = await ops['ai/configure-rewrite']({ enabled: false, baseUrl: 'http://127.0.0.1:1/v1', model: 'm2', apiKey: '' });
    expect(forgot).toMatchObject({ ok: true, value: { enabled: false, hasKey: false } });
  });

  it('rewrites through ${baseUrl}/chat/completions with the key, the model, the answer and the question', async () => {
    const llm = await provider((_req, _body, res) => json(res, 200, completion('您好！现货商品下单后 48 小时内就会发货哦。')));
    const { ops } = await setup();
    await ops['ai/configure-rewrite']({ enabled: true, baseUrl: `${llm.url}/`, model: 'qwen2.5:3b', apiKey: 'sk-local' });
    expect(await ops['ai/rewrite'](REQUEST)).toEqual({ ok: true, value: { text: '您好！现货商品下单后 48 小时内就会发货哦。', model: 'qwen2.5:3b' } });
    expect(llm.seen).toHaveLength(1);
    const [call] = llm.seen;
    expect(call!.url).toBe('/v1/chat/completions');
    expect(call!.auth).toBe('Bearer sk-local');
    expect(call!.body).toMatchObject({ model: 'qwen2.5:3b', stream: false });
    const prompt = JSON.stringify(call!.body.messages);
    expect(prompt).toContain(REQUEST.text);
    expect(prompt).toContain(REQUEST.question);
    expect(prompt).toContain('简体中文');
  });

  it.each([
    ['an answer in another shape', (res: ServerResponse) => json(res, 200, { output: 'hi' }), 'internal', /unexpected answer/],
    ['an empty answer', (res: ServerResponse) => json(res, 200, completion('  ')), 'internal', /empty answer/],
    ['a refused key', (res: ServerResponse) => json(res, 401, { error: { message: 'bad key' } }), 'unauthorized', /HTTP 401/],
    ['a server error', (res: ServerResponse) => json(res, 500, {}), 'internal', /HTTP 500/],
    ['no JSON', (res: ServerResponse) => (res.writeHead(200), res.end('<html>')), 'internal', /JSON/],
  ] as const)('turns %s into a clear error', async (_name, reply, code, message) => {
    const llm = await provider((_req, _body, res) => reply(res));
    const { ops } = await setup();
    await ops['ai/configure-rewrite']({ enabled: true, baseUrl: llm.url, model: 'm' });
    const result = await ops['ai/rewrite'](REQUEST);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it('gives up after the timeout, and says offline when nothing listens', async () => {
    const slow = await provider((_req, _body, res) => setTimeout(() => json(res, 200, completion('late')), 1_000));
    const { ops } = await setup(150);
    await ops['ai/configure-rewrite']({ enabled: true, baseUrl: slow.url, model: 'm' });
    expect(await ops['ai/rewrite'](REQUEST)).toMatchObject({ ok: false, error: { code: 'timeout' } });

    const gone = await provider(() => {});
    await gone.close();
    await ops['ai/configure-rewrite']({ enabled: true, baseUrl: gone.url, model: 'm' });
    expect(await ops['ai/rewrite'](REQUEST)).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
