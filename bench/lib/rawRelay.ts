import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { openSocket, waitFor } from './hubRig.js';

/**
 * The raw socket.io limit of the hub's inbound path: a sender emits with an ack,
 * a bare server acks and emits the payload to every receiver in /agent. Nothing
 * is stored, checked or numbered: what the hub adds is measured against this.
 */
export interface RawRelay {
  sender: Socket;
  receiver: Socket;
  close(): Promise<void>;
}

export async function startRawRelay(): Promise<RawRelay> {
  const http = createServer();
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
  const sender = openSocket(`${url}/customer`, {});
  const receiver = openSocket(`${url}/agent`, {});
  await Promise.all([waitFor(sender, 'connect', 'raw sender'), waitFor(receiver, 'connect', 'raw receiver')]);
  return {
    sender,
    receiver,
    close: async () => {
      sender.close();
      receiver.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
