import { signedHeaders } from './signature.js';
import type { CallbackPayload } from './inboundMessage.js';

/** `permanent`: the connector refused for good (a 4xx other than 408/425/429, or a URL that cannot work). */
export type PostOutcome = { ok: true } | { ok: false; permanent: boolean; reason: string };

/** The outbound port: one signed attempt per call, never throws. Retries are the caller's. */
export interface CallbackSender {
  post(url: string, secret: string, payload: CallbackPayload): Promise<PostOutcome>;
}

const RETRYABLE_4XX = new Set([408, 425, 429]);

/** Posts with fetch, signed like inbound requests; any 2xx is delivered. */
export function createFetchSender(timeoutMs: number, now: () => number): CallbackSender {
  return {
    async post(url, secret, payload) {
      const body = JSON.stringify(payload);
      try {
        const response = await fetch(url, { method: 'POST', headers: signedHeaders(secret, body, now()), body, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        if (response.ok) return { ok: true };
        const permanent = response.status >= 400 && response.status < 500 && !RETRYABLE_4XX.has(response.status);
        return { ok: false, permanent, reason: `callback answered HTTP ${response.status}` };
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        return { ok: false, permanent: false, reason: `callback unreachable: ${cause ?? (error as Error).name ?? String(error)}` };
      }
    },
  };
}
