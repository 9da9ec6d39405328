import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTs, startTs, stop } from './processes.js';

const HUB_CLI = 'src-hub/cli/main.ts';
const TOKEN = /ws1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

/** A real hub process on its own data dir; stop() and start() again keep its store. */
export class HubProcess {
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-hub-'));
  private child: ChildProcess | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const started = await startTs(
      HUB_CLI,
      ['serve', '--host', '127.0.0.1', '--port', String(this.port), '--data', this.dataDir],
      /http:\/\/127\.0\.0\.1:(\d+)/,
    );
    this.child = started.child;
    this.port = Number(started.match[1]);
  }

  async stop(): Promise<void> {
    if (this.child) await stop(this.child);
    this.child = null;
  }

  /** Creates an account (through the running hub's admin API) and returns a token for it. */
  async createAccount(a: { id: string; name: string; person: string; personName: string; role?: string }): Promise<string> {
    const out = await runTs(HUB_CLI, [
      'account', 'create', '--data', this.dataDir, '--id', a.id, '--name', a.name, '--channel', 'webchat',
      '--person', a.person, '--person-name', a.personName, '--role', a.role ?? 'agent',
    ]);
    return tokenIn(out);
  }

  async issueToken(a: { account: string; person: string; personName: string; role: string }): Promise<string> {
    const out = await runTs(HUB_CLI, [
      'account', 'token', '--data', this.dataDir, '--account', a.account,
      '--person', a.person, '--person-name', a.personName, '--role', a.role,
    ]);
    return tokenIn(out);
  }

  /** Sets an account's routing (queues, auto-assignment, SLA) through the running hub's admin API, as an operator would. */
  async setRouting(accountId: string, config: Record<string, unknown>): Promise<void> {
    const secret = readFileSync(path.join(this.dataDir, 'admin.secret'), 'utf8').trim();
    const response = await fetch(`${this.url}/admin/routing/${accountId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(config),
    });
    if (!response.ok) throw new Error(`routing config refused: ${response.status} ${await response.text()}`);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function tokenIn(out: string): string {
  const token = out.match(TOKEN)?.[0];
  if (!token) throw new Error(`no token in CLI output:\n${out}`);
  return token;
}

/** The web host (the same core as Electron's main) serving the built renderer. */
export class HostProcess {
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-host-'));
  private child: ChildProcess | null = null;
  url = '';

  async start(): Promise<void> {
    // E2E_RENDERER_DIR: a private build, so a spec can run while others rebuild dist-renderer.
    const renderer = process.env.E2E_RENDERER_DIR ? ['--renderer', process.env.E2E_RENDERER_DIR] : [];
    const started = await startTs('src-main/host/main.ts', ['--port', '0', '--data', this.dataDir, ...renderer], /http:\/\/127\.0\.0\.1:\d+\/\S*token=\S+/);
    this.child = started.child;
    this.url = started.match[0];
  }

  async dispose(): Promise<void> {
    if (this.child) await stop(this.child);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
