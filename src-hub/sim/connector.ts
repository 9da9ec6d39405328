import { setTimeout as sleep } from 'node:timers/promises';
import type { CallbackPayload } from '../adapters/webhook/inboundMessage.js';
import { startCallbackEndpoint } from './connectorCallback.js';
import { postSignedMessage } from './connectorClient.js';
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

  const post = async () => {
    const answers: Array<{ status: number; body: unknown }> = [];
    const count = Math.min(options.messages ?? 5, 100);
    for (let i = 0; i < count && !stopped; i += 1) {
      const customer = shoppers[i % shoppers.length]!;
      const text = CUSTOMER_LINES[i % CUSTOMER_LINES.length]!;
      const eventId = `${platform}-${Date.now()}-${i}`;
      const answer = await postSignedMessage(options.hubUrl, options.accountId, options.secret, { eventId, customer, text, sentAt: Date.now() });
      answers.push({ status: answer.status, body: answer.body });
      log(`${customer.name} (${customer.id}): ${text} → ${answer.status}`);
      if (i + 1 < count) await sleep(options.intervalMs ?? 1_000);
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
