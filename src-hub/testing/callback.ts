import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A connector's callback endpoint on loopback: records every attempt; `down` answers 503. */
export interface TestCallback {
  url: string;
  down: boolean;
  attempts: Array<{ headers: IncomingHttpHeaders; raw: Buffer }>;
  close(): Promise<void>;
}

export async function startTestCallback(): Promise<TestCallback> {
  let server: Server;
  const callback: TestCallback = {
    url: '',
    down: false,
    attempts: [],
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      callback.attempts.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(callback.down ? 503 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  callback.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  return callback;
}
