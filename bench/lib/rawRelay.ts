import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { openSocket, waitFor } from './hubRig.js';

/**
 * The raw limits of the hub's two inbound paths, with nothing stored, checked
 * or numbered: a customer.send on /customer is acked and its payload emitted to
 * every receiver in /agent; a POST (any path) is read whole, parsed, each message
 * in it (one, or `messages: [...]`) emitted to /agent, and answered 202. What the
 * hub adds is measured against these, with the same load generator.
 */
export interface RawRelay {
  url: string;
  /** Connected to /agent; gets an `event` per relayed message. */
  receiver: Socket;
  close(): Promise<void>;
}

export async function startRawRelay(): Promise<RawRelay> {
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages?: unknown[] };
      for (const message of body.messages ?? [body]) agents.emit('event', { type: 'message.created', data: message });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  const io = new Server(http, { serveClient: false });
  const agents = io.of('/agent');
  io.of('/customer').on('connection', (socket) => {
    socket.on('customer.send', (payload: unknown, ack: (reply: unknown) => void) => {
      agents.emit('event', { type: 'message.created', data: payload });
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const receiver = openSocket(`${url}/agent`, {});
  await waitFor(receiver, 'connect', 'raw receiver');
  return {
    url,
    receiver,
    close: async () => {
      receiver.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
