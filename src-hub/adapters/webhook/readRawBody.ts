import type { IncomingMessage } from 'node:http';

/**
 * The body as bytes (a signature covers the bytes, not a re-serialized object),
 * or null past `maxBytes`. Past the limit nothing more is kept; the stream is
 * left flowing so the caller can still answer 413 (and close the connection).
 */
export function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      chunks.length = 0;
      resolve(null);
    });
    req.once('end', () => resolve(size <= maxBytes ? Buffer.concat(chunks) : null));
    req.once('error', reject);
  });
}
