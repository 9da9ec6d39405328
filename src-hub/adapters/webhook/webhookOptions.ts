import type { Channel } from '../../../src-shared/domain/account.js';
import type { RateLimit } from '../../limits/tokenBucket.js';

/** `startHub({ webhook })`: tuning for the platform webhook API, which is always on. */
export interface WebhookOptions {
  /** Inbound messages per account. Default 50/s with bursts of 200. */
  rateLimit?: RateLimit;
  /** Larger inbound bodies are refused with 413. Default 64 KB. */
  maxBodyBytes?: number;
  /** The same for a batch request (up to 100 messages). Default 1 MiB. */
  maxBatchBodyBytes?: number;
  /** Waits between callback attempts; one attempt more than there are delays. Default exponential, 1 s doubling to 32 s. */
  retryDelaysMs?: number[];
  /** How often pending callbacks nobody holds (a dead node's) are looked for. Default 30 s. */
  sweepMs?: number;
  /** One callback attempt may take this long. Default 10 s. */
  callbackTimeoutMs?: number;
}

/** The channels whose conversations come from (and reply through) a connector. */
export const PLATFORM_CHANNELS: ReadonlySet<Channel> = new Set(['taobao', 'jd', 'douyin', 'wechat', 'webhook']);

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_MAX_BATCH_BODY_BYTES = 1024 * 1024;
export const DEFAULT_CALLBACK_TIMEOUT_MS = 10_000;

/** `count` waits starting at `firstMs`, each twice the last, none above `capMs`: bounded exponential backoff. */
export const exponentialDelays = (firstMs: number, count: number, capMs: number): number[] =>
  Array.from({ length: count }, (_, i) => Math.min(capMs, firstMs * 2 ** i));

export const DEFAULT_RETRY_DELAYS_MS = exponentialDelays(1_000, 6, 60_000);
