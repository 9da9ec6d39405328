import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BRIDGE_WS_PATH } from '../../src-shared/bridge/wire.js';

/** Constant-time string compare (hashing first makes the lengths equal). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

/**
 * Who may open the bridge: a page of this host (Origin) that knows this launch's
 * token. Any other site in the browser, or a local process without the token, is refused.
 */
export function checkUpgrade(req: IncomingMessage, expected: { token: string; origins: readonly string[] }): UpgradeVerdict {
  const url = new URL(req.url ?? '/', 'http://host');
  if (url.pathname !== BRIDGE_WS_PATH) return { ok: false, status: 404, reason: 'not the bridge path' };
  if (!sameSecret(url.searchParams.get('token') ?? '', expected.token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  const origin = req.headers.origin;
  if (!origin || !expected.origins.includes(origin)) return { ok: false, status: 403, reason: 'foreign origin' };
  return { ok: true };
}

/** Host headers we answer to (a DNS-rebinding page would send its own name). */
export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
