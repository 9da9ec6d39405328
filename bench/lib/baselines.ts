import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { makeTempDir, openSocket, removeDir, waitFor } from './hubRig.js';

/**
 * The raw transport limit: a bare socket.io server on its own loopback port
 * whose handler acks at once with a fixed reply. With `pushes`, it also emits
 * those events to the sender before acking, the fan-out the hub does per send.
 */
export interface RawSocketServer {
  client: Socket;
  close(): Promise<void>;
}

export async function startRawSocketServer(options: { ackReply: unknown; pushes?: Array<[string, unknown]> }): Promise<RawSocketServer> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.of('/agent').on('connection', (socket) => {
    socket.on('message.send', (_payload: unknown, ack: (reply: unknown) => void) => {
      for (const [name, payload] of options.pushes ?? []) socket.emit(name, payload);
      ack(options.ackReply);
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const client = openSocket(`http://127.0.0.1:${port}/agent`, {});
  const close = async () => {
    client.close();
    await new Promise<void>((resolve) => {
      io.close(() => resolve());
      http.closeAllConnections();
    });
  };
  try {
    await waitFor(client, 'connect', 'raw socket.io connect');
  } catch (error) {
    await close();
    throw error;
  }
  return { client, close };
}

/**
 * The raw storage limit: PGlite on its own temp data dir (the same on-disk
 * kind the hub uses), one INSERT of a message-sized jsonb per transaction.
 */
export interface RawStore {
  insert(i: number): Promise<void>;
  close(): Promise<void>;
}

export async function openRawStore(doc: unknown): Promise<RawStore> {
  const dir = await makeTempDir('pglite');
  const db = new PGlite(dir);
  const close = async () => {
    if (!db.closed) await db.close();
    await removeDir(dir);
  };
  try {
    await db.waitReady;
    await db.exec('CREATE TABLE bench_rows (id bigint PRIMARY KEY, client_id text NOT NULL, doc jsonb NOT NULL)');
  } catch (error) {
    await close();
    throw error;
  }
  return {
    insert: async (i) => {
      await db.transaction((tx) => tx.query('INSERT INTO bench_rows (id, client_id, doc) VALUES ($1, $2, $3)', [i, `raw-${i}`, doc]));
    },
    close,
  };
}
