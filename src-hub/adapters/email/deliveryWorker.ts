import type { Message } from '../../../src-shared/domain/message.js';
import type { HubContext } from '../../context.js';
import { findOutboundOf, insertThreadEntry, listPendingDeliveries, setDelivery } from '../../store/emailThreads.js';
import { setMessageStatus } from '../../store/messages.js';
import { composeReply } from './composeReply.js';
import { DEFAULT_RETRY_DELAYS_MS, type EmailOptions } from './emailOptions.js';
import type { MailSender, OutboundMail } from './mailSender.js';
import { ATTEMPT_HOLD_MS, startClaimedDeliveries } from '../../delivery/claimedDeliveries.js';

export interface DeliveryWorker {
  /** Sends what a previous run (or a dead node of the cluster) left pending and no node holds; runs again every sweep. */
  resume(): Promise<void>;
  /** Stops retrying; mails not yet delivered stay pending, unclaimed, for the next start or another node. */
  stop(): Promise<void>;
}

/**
 * Agent replies in email conversations go out after their event commits, never
 * inside the journal transaction: one conversation at a time (so replies keep
 * their order), retried with backoff, ending in `message.status` delivered or failed.
 */
export function startDeliveryWorker(ctx: HubContext, options: EmailOptions, sender: MailSender): DeliveryWorker {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const deliveries = startClaimedDeliveries(ctx, {
    kind: 'email',
    deliver: (message) => deliver(message).catch((error: unknown) => ctx.log(`email delivery of ${message.id} failed: ${String(error)}`)),
    pending: async () => (await listPendingDeliveries(ctx.db)).map((entry) => ({ accountId: entry.accountId, messageId: entry.messageId })),
    ...(options.sweepMs ? { sweepMs: options.sweepMs } : {}),
  });
  const { timers } = deliveries;

  async function deliver(message: Message): Promise<void> {
    if (timers.stopped) return;
    const composed = await composeReply(ctx.db, options, message);
    if (composed === null) return;
    if (!composed.ok) return finish(message, null, 'failed', composed.error.message);
    const mail = composed.value;
    // Claimed before its state is read: a node that just finished it has marked it first.
    if (!(await deliveries.claim(message, ATTEMPT_HOLD_MS))) return; // another node sends it
    const known = await findOutboundOf(ctx.db, message.accountId, message.id);
    if (known && known.delivery !== 'pending') return deliveries.release(message); // done already
    if (!known) await recordPending(message, mail);

    for (let attempt = 0; ; attempt += 1) {
      const outcome = await sender.send(mail);
      if (timers.stopped) return;
      if (outcome.ok) return finish(message, mail.mailId, 'delivered', null);
      const delay = delays[attempt];
      if (outcome.permanent || delay === undefined) return finish(message, mail.mailId, 'failed', outcome.reason);
      ctx.log(`email ${mail.mailId} attempt ${attempt + 1} failed (${outcome.reason}); retrying in ${delay} ms`);
      // Held through the wait and the next attempt, so no other node's sweep takes it meanwhile.
      if (!(await deliveries.claim(message, delay + ATTEMPT_HOLD_MS))) return;
      if (!(await timers.wait(delay))) return;
    }
  }

  const recordPending = (message: Message, mail: OutboundMail) =>
    ctx.journal.record(message.accountId, ({ tx, at }) =>
      insertThreadEntry(tx, {
        accountId: message.accountId,
        mailId: mail.mailId,
        conversationId: message.conversationId,
        messageId: message.id,
        direction: 'out',
        delivery: 'pending',
        createdAt: at,
      }),
    );

  const finish = async (message: Message, mailId: string | null, status: 'delivered' | 'failed', reason: string | null) => {
    if (timers.stopped) return;
    if (reason) ctx.log(`email reply ${message.id} failed for good: ${reason}`);
    await ctx.journal.record(message.accountId, async ({ tx, append }) => {
      if (mailId) await setDelivery(tx, message.accountId, mailId, status);
      await setMessageStatus(tx, message.accountId, message.id, status);
      await append('message.status', { messageId: message.id, conversationId: message.conversationId, status });
    });
    if (mailId) await deliveries.release(message);
  };

  const unsubscribe = ctx.bus.subscribe(null, (_accountId, event, origin) => {
    // Sent by the node that committed the reply: once per cluster.
    if (origin !== 'local' || event.type !== 'message.created' || event.data.private) return;
    if (event.data.author.kind !== 'agent' && event.data.author.kind !== 'bot') return; // customers' own mail, system lines
    deliveries.enqueue(event.data);
  });

  return {
    resume: deliveries.resume,
    stop() {
      unsubscribe();
      return deliveries.stop();
    },
  };
}
