import type { Message } from '../../../src-shared/domain/message.js';
import type { HubContext } from '../../context.js';
import { findConversation } from '../../store/conversations.js';
import { findVisitorOfConversation } from '../../store/customers.js';
import { findMessage, setMessageStatus } from '../../store/messages.js';
import { findWebhookAccount } from '../../store/webhookAccounts.js';
import { findDeliveryOf, insertDelivery, listPendingWebhookDeliveries, setDeliveryState, type WebhookDelivery } from '../../store/webhookDeliveries.js';
import type { CallbackSender } from './callbackSender.js';
import { ATTEMPT_HOLD_MS, startClaimedDeliveries } from '../../delivery/claimedDeliveries.js';
import { platformIdOf } from './ingestWebhookMessage.js';
import { PLATFORM_CHANNELS } from './webhookOptions.js';

export interface WebhookDeliveryWorker {
  /** Sends what a previous run (or a dead node of the cluster) left pending and no node holds; runs again every sweep. */
  resume(): Promise<void>;
  /** Sends a delivery the store has marked pending again (a re-queued dead letter). */
  requeue(delivery: WebhookDelivery): Promise<void>;
  /** Stops retrying; undelivered replies stay pending, unclaimed, for the next start or another node. */
  stop(): Promise<void>;
}

/**
 * Agent replies in platform conversations go to the account's callback after
 * their event commits: per conversation in order, retried with bounded
 * exponential backoff, then delivered or a dead letter (`message.status` failed).
 */
export function startWebhookDeliveryWorker(ctx: HubContext, deps: { sender: CallbackSender; delays: number[]; sweepMs?: number }): WebhookDeliveryWorker {
  const deliveries = startClaimedDeliveries(ctx, {
    kind: 'webhook',
    deliver,
    pending: async () => (await listPendingWebhookDeliveries(ctx.db)).map((d) => ({ accountId: d.accountId, messageId: d.messageId })),
    ...(deps.sweepMs ? { sweepMs: deps.sweepMs } : {}),
  });
  const { timers } = deliveries;

  async function deliver(message: Message): Promise<void> {
    if (timers.stopped) return;
    const conversation = await findConversation(ctx.db, message.accountId, message.conversationId);
    if (!conversation || !PLATFORM_CHANNELS.has(conversation.channel)) return;
    // Only conversations that came through the connector reply through it: a platform
    // account may also be reached another way (the demo's shop gets web-chat visitors).
    const visitor = await findVisitorOfConversation(ctx.db, message.accountId, message.conversationId);
    if (!visitor?.startsWith(`${conversation.channel}:`)) return;
    // Claimed before its state is read: a node that just finished it has marked it first.
    if (!(await deliveries.claim(message, ATTEMPT_HOLD_MS))) return; // another node delivers it
    const known = await findDeliveryOf(ctx.db, message.accountId, message.id);
    if (known && known.state !== 'pending') return deliveries.release(message); // done already
    const delivery = known ?? (await ctx.journal.record(message.accountId, ({ tx, at }) =>
      insertDelivery(tx, { id: ctx.newId('wo'), accountId: message.accountId, conversationId: message.conversationId, messageId: message.id, createdAt: at })));
    const payload = { eventId: delivery.id, conversationId: message.conversationId, customerId: platformIdOf(visitor), text: message.text, sentAt: message.createdAt };

    for (let attempt = 0; ; attempt += 1) {
      // Read each time: a lead may fix the URL or rotate the secret while we wait.
      const settings = await findWebhookAccount(ctx.db, message.accountId);
      if (!settings?.callbackUrl) return finish(delivery, message, attempt, 'the account has no callback URL');
      const outcome = await deps.sender.post(settings.callbackUrl, settings.secret, payload);
      if (timers.stopped) return;
      if (outcome.ok) return finish(delivery, message, attempt + 1, null);
      const delay = deps.delays[attempt];
      if (outcome.permanent || delay === undefined) return finish(delivery, message, attempt + 1, outcome.reason);
      ctx.log(`webhook reply ${message.id} attempt ${attempt + 1} failed (${outcome.reason}); retrying in ${delay} ms`);
      // Held through the wait and the next attempt, so no other node's sweep takes it meanwhile.
      if (!(await deliveries.claim(message, delay + ATTEMPT_HOLD_MS))) return;
      if (!(await timers.wait(delay))) return;
    }
  }

  const finish = async (delivery: WebhookDelivery, message: Message, attempts: number, error: string | null) => {
    if (timers.stopped) return;
    if (error) ctx.log(`webhook reply ${message.id} is a dead letter after ${attempts} attempt(s): ${error}`);
    const status = error ? 'failed' : 'delivered';
    await ctx.journal.record(message.accountId, async ({ tx, at, append }) => {
      await setDeliveryState(tx, delivery.id, { state: error ? 'dead' : 'delivered', attempts, lastError: error, now: at });
      await setMessageStatus(tx, message.accountId, message.id, status);
      await append('message.status', { messageId: message.id, conversationId: message.conversationId, status });
    });
    await deliveries.release(message);
  };

  const unsubscribe = ctx.bus.subscribe(null, (_accountId, event, origin) => {
    // Delivered by the node that committed the reply: once per cluster.
    if (origin !== 'local' || event.type !== 'message.created' || event.data.private) return;
    if (event.data.author.kind !== 'agent' && event.data.author.kind !== 'bot') return; // customers' own messages, system lines
    deliveries.enqueue(event.data);
  });

  return {
    resume: deliveries.resume,
    async requeue(delivery) {
      const message = await findMessage(ctx.db, delivery.accountId, delivery.messageId);
      if (message) deliveries.enqueue(message);
    },
    stop() {
      unsubscribe();
      return deliveries.stop();
    },
  };
}
