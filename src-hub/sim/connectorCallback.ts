import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackPayload } from '../adapters/webhook/inboundMessage.js';
import { verifySignature } from '../adapters/webhook/signature.js';

export interface CallbackEndpoint {
  url: string;
  /** Verified replies, each eventId once. */
  replies: CallbackPayload[];
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

/**
 * The connector's side of outbound: checks the hub's signature (401 if wrong),
 * answers 200 at once, drops a repeated eventId (the hub retries with the same
 * one), and hands each new reply to `onReply`, as a shop would pass it to the platform.
 */
export async function startCallbackEndpoint(input: { secret: string; port: number; onReply: (reply: CallbackPayload) => void }): Promise<CallbackEndpoint> {
  const replies: CallbackPayload[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const header = (name: string) => [req.headers[name]].flat()[0];
      const check = verifySignature({ secret: input.secret, timestamp: header('x-timestamp'), signature: header('x-signature'), rawBody: raw, now: Date.now() });
      if (req.method !== 'POST' || size > MAX_BODY || !check.ok) return void res.writeHead(401).end();
      res.writeHead(200).end();
      const reply = JSON.parse(raw.toString('utf8')) as CallbackPayload;
      if (replies.some((known) => known.eventId === reply.eventId)) return;
      replies.push(reply);
      input.onReply(reply);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
