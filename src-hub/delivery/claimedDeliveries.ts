import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import { findMessage } from '../store/messages.js';
import { claimDelivery, releaseDelivery, type DeliveryKind } from '../store/deliveryClaims.js';
import { createConversationChains } from './conversationChains.js';
import { createRetryTimers, type RetryTimers } from './retryTimers.js';

/**
 * How long a claim on one delivery attempt lasts: longer than any send can take
 * (the callback and SMTP timeouts are far shorter), short enough that a dead
 * node's pending replies are taken over within minutes.
 */
export const ATTEMPT_HOLD_MS = 120_000;
/** How often a running node looks for pending replies nobody holds (a dead node's). */
export const DEFAULT_SWEEP_MS = 30_000;

export interface ClaimedDeliveries {
  /** Queues a reply behind its conversation's earlier ones, unless this node already has it queued. */
  enqueue(message: Message): void;
  /**
   * Takes or renews this node's claim on the reply for `holdMs`: false while another node
   * holds it (it delivers the reply; this node must not send it).
   */
  claim(message: Message, holdMs: number): Promise<boolean>;
  /** Ends this node's claim once the delivery is over. */
  release(message: Message): Promise<void>;
  /** Waits between attempts that `stop` cuts short. */
  timers: RetryTimers;
  /** Queues what the store holds pending: now (a previous run's) and then every `sweepMs` (a dead node's). */
  resume(): Promise<void>;
  /**
   * Stops retrying, waits for sends in flight to end, and gives up this node's claims,
   * so the next node to start or sweep takes the pending replies at once.
   */
  stop(): Promise<void>;
}

/**
 * The part of delivering agent replies that email and webhook share: one chain
 * per conversation (replies leave in order; a slow one holds up only its own),
 * and claims in the store, so that in a cluster each pending reply is sent by
 * one node: the one that committed it, or, once that node's claim ran out (it
 * died), whichever node's sweep finds it first. A node killed mid-send may leave
 * a reply that was sent but not marked; the next holder sends it again, so
 * delivery is at least once there (mail carries its Message-ID, callbacks their
 * eventId, for the receiver to drop the repeat).
 */
export function startClaimedDeliveries(
  ctx: HubContext,
  o: { kind: DeliveryKind; deliver: (message: Message) => Promise<void>; pending: () => Promise<Array<{ accountId: string; messageId: string }>>; sweepMs?: number },
): ClaimedDeliveries {
  const holder = ctx.newId('node');
  const timers = createRetryTimers();
  const queued = new Set<string>();
  const running = new Set<Promise<void>>();
  /** Claims this node holds now, to give up at stop. */
  const held = new Map<string, Message>();
  const chain = createConversationChains((error) => ctx.log(`${o.kind} delivery failed: ${String(error)}`));
  const keyOf = (message: Message) => ({ kind: o.kind, accountId: message.accountId, messageId: message.id });

  const enqueue = (message: Message) => {
    const key = `${message.accountId}/${message.id}`;
    if (queued.has(key)) return;
    queued.add(key);
    chain(`${message.accountId}/${message.conversationId}`, () => {
      const delivering = o.deliver(message).finally(() => {
        queued.delete(key);
        running.delete(delivering);
      });
      running.add(delivering);
      return delivering;
    });
  };

  const release = async (message: Message) => {
    held.delete(`${message.accountId}/${message.id}`);
    await releaseDelivery(ctx.db, keyOf(message), holder);
  };

  const resume = async () => {
    for (const entry of await o.pending()) {
      if (timers.stopped) return;
      if (queued.has(`${entry.accountId}/${entry.messageId}`)) continue;
      const message = await findMessage(ctx.db, entry.accountId, entry.messageId);
      if (message) enqueue(message);
    }
  };

  const sweep = setInterval(() => {
    resume().catch((error: unknown) => ctx.log(`${o.kind} delivery sweep failed: ${String(error)}`));
  }, o.sweepMs ?? DEFAULT_SWEEP_MS);
  sweep.unref();

  return {
    enqueue,
    async claim(message, holdMs) {
      const claimed = await claimDelivery(ctx.db, keyOf(message), holder, ctx.now() + holdMs, ctx.now());
      if (claimed) held.set(`${message.accountId}/${message.id}`, message);
      return claimed;
    },
    release,
    timers,
    resume,
    async stop() {
      clearInterval(sweep);
      timers.stop();
      await Promise.allSettled([...running]);
      await Promise.all([...held.values()].map((message) => release(message).catch((error: unknown) => ctx.log(`${o.kind} claim of ${message.id} not released: ${String(error)}`))));
    },
  };
}
