import { setTimeout as sleep } from 'node:timers/promises';
import type { CallbackPayload } from '../adapters/webhook/inboundMessage.js';
import { startCallbackEndpoint } from './connectorCallback.js';
import { postSignedBatch } from './connectorClient.js';
import { CUSTOMER_LINES, CUSTOMER_NAMES } from './customerLines.js';

export interface ConnectorOptions {
  /** The hub; loopback only (this is a simulator, not a client for real shops). */
  hubUrl: string;
  accountId: string;
  /** The account's webhook secret (`account webhook-secret` prints it). */
  secret: string;
  /** The callback endpoint's port on 127.0.0.1; 0 = random. */
  callbackPort?: number;
  /** Customer messages to post; default 5, at most 100. */
  messages?: number;
  intervalMs?: number;
  /** Messages per signed batch request (as marketplace push APIs deliver them); default 2, at most 100. */
  batchSize?: number;
  /** Names the simulated shoppers' platform ids (`taobao-buyer-1`). */
  platform?: 'taobao' | 'jd' | 'douyin';
  log?: (line: string) => void;
}

export interface Connector {
  callbackUrl: string;
  replies: CallbackPayload[];
  /** Resolves with the hub's answers once every message is posted. */
  posted: Promise<Array<{ status: number; body: unknown }>>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A pretend Taobao/JD/Douyin shop: a few shoppers (Chinese lines) post signed
 * messages to the hub, and a callback endpoint prints the agents' replies.
 */
export async function startConnector(options: ConnectorOptions): Promise<Connector> {
  if (!LOOPBACK.has(new URL(options.hubUrl).hostname)) throw new Error(`the example connector talks to a loopback hub only, not ${options.hubUrl}`);
  const log = options.log ?? (() => {});
  const platform = options.platform ?? 'taobao';
  const shoppers = CUSTOMER_NAMES.slice(0, 3).map((name, i) => ({ id: `${platform}-buyer-${i + 1}`, name, phone: `+86 138 0000 000${i + 1}` }));
  const callback = await startCallbackEndpoint({
    secret: options.secret,
    port: options.callbackPort ?? 0,
    onReply: (reply) => log(`reply to ${reply.customerId}: ${reply.text}`),
  });
  let stopped = false;

  /** Message i: the shoppers take turns, each line with a fresh event id. */
  const messageAt = (i: number) => ({
    eventId: `${platform}-${Date.now()}-${i}`,
    customer: shoppers[i % shoppers.length]!,
    text: CUSTOMER_LINES[i % CUSTOMER_LINES.length]!,
    sentAt: Date.now(),
  });

  /** One batch request per `batchSize` messages; the answer per message is its item of the batch's result. */
  const post = async () => {
    const answers: Array<{ status: number; body: unknown }> = [];
    const count = Math.min(options.messages ?? 5, 100);
    const size = Math.min(Math.max(1, options.batchSize ?? 2), 100);
    for (let first = 0; first < count && !stopped; first += size) {
      const batch = Array.from({ length: Math.min(size, count - first) }, (_, k) => messageAt(first + k));
      const answer = await postSignedBatch(options.hubUrl, options.accountId, options.secret, batch);
      batch.forEach((message, k) => {
        const item = answer.status === 200 ? answer.body.results[k] : { status: answer.status, ...answer.body };
        answers.push({ status: item.status, body: item });
        log(`${message.customer.name} (${message.customer.id}): ${message.text} → ${item.status}`);
      });
      if (first + size < count) await sleep(options.intervalMs ?? 1_000);
    }
    return answers;
  };

  return {
    callbackUrl: callback.url,
    replies: callback.replies,
    posted: post(),
    async close() {
      stopped = true;
      await callback.close();
    },
  };
}
