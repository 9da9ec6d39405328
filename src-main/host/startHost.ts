import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import { MAX_BASE64_LENGTH } from '../../src-shared/bridge/attachmentCalls.js';
import { createCore, type Core, FileVault, type Logger } from '../core/index.js';
import { send, serveBridgeSocket } from './bridgeSocket.js';
import { serveStatic } from './staticFiles.js';
import { allowedHosts, checkUpgrade } from './upgradeGuard.js';

/** One bridge frame: room for the largest image as base64 (attachments/upload, attachments/load) and its JSON around it. */
export const MAX_FRAME_BYTES = MAX_BASE64_LENGTH + 64 * 1024;

export interface HostOptions {
  host?: string;
  port?: number;
  /** Needed when no `core` is given: accounts.json and credentials.json go here. */
  dataDir?: string;
  rendererDir?: string;
  /** A core the caller owns (started and stopped by the caller). Otherwise one is made here. */
  core?: Core;
  log: Logger;
}

export interface RunningHost {
  /** The page to open; carries this launch's token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function refuse(socket: Socket, status: number, reason: string): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`);
}

/** Makes the core from the data dir, with the file vault (the web host has no OS keychain). */
async function ownCore(options: HostOptions): Promise<Core> {
  if (!options.dataDir) throw new Error('startHost needs either a core or a dataDir');
  const vault = new FileVault(join(options.dataDir, 'credentials.json'));
  const core = createCore({ dataDir: options.dataDir, vault, log: options.log });
  await core.start();
  return core;
}

/** The web host: the built renderer over http, and the bridge over a token-guarded WebSocket. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { log } = options;
  const host = options.host ?? '127.0.0.1';
  const rendererDir = resolve(options.rendererDir ?? 'dist-renderer');
  const core = options.core ?? (await ownCore(options));
  const token = randomBytes(32).toString('base64url');
  let hosts: string[] = [];
  let origins: string[] = [];

  const hostAllowed = (req: IncomingMessage) => hosts.includes(req.headers.host ?? '');
  const server = createServer((req, res) => {
    if (!hostAllowed(req)) return void res.writeHead(421).end();
    serveStatic(rendererDir, req, res).catch((error: Error) => {
      log.error('static file failed', { error: error.message });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket: Socket, head) => {
    if (!hostAllowed(req)) return refuse(socket, 421, 'wrong host');
    const verdict = checkUpgrade(req, { token, origins });
    if (!verdict.ok) {
      log.warn('bridge connection refused', { status: verdict.status, reason: verdict.reason });
      return refuse(socket, verdict.status, verdict.reason);
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveBridgeSocket(ws, core.handlers, log));
  });
  const unsubscribe = core.onPush((push, payload) => {
    for (const client of wss.clients) send(client, { kind: 'push', push, payload });
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ready());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  hosts = [new URL(origin).host, ...allowedHosts(port)];
  origins = [origin];

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      if (!options.core) await core.stop();
    },
  };
}
