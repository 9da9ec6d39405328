import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { setSecurityHeaders } from './securityHeaders.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const isFile = (path: string) => stat(path).then((s) => s.isFile(), () => false);

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}

/**
 * Serves the built renderer: files under `root` only (no traversal), index.html for
 * app routes (paths without an extension), 503 with a hint when nothing is built.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  setSecurityHeaders(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'method not allowed');
  const index = resolve(root, 'index.html');
  if (!(await isFile(index))) return answer(res, 503, 'Renderer not built: run npm run build:renderer');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
  } catch {
    return answer(res, 400, 'bad path');
  }
  if (pathname.includes('\0')) return answer(res, 400, 'bad path');
  const base = resolve(root);
  const target = resolve(base, `.${pathname}`);
  if (target !== base && !target.startsWith(base + sep)) return answer(res, 403, 'forbidden');
  let file = target;
  if (!(await isFile(file))) {
    if (extname(pathname) !== '') return answer(res, 404, 'not found');
    file = index;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': file === index ? 'no-store' : 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
