import type { Message } from '../../../src-shared/domain/message.js';
import type { HubContext } from '../../context.js';
import { findOutboundOf, insertThreadEntry, listPendingDeliveries, setDelivery } from '../../store/emailThreads.js';
import { findMessage, setMessageStatus } from '../../store/messages.js';
import { composeReply } from './composeReply.js';
import { DEFAULT_RETRY_DELAYS_MS, type EmailOptions } from './emailOptions.js';
import type { MailSender, OutboundMail } from './mailSender.js';
import { createConversationChains } from '../../delivery/conversationChains.js';
import { createRetryTimers } from '../../delivery/retryTimers.js';

export interface DeliveryWorker {
  /** Sends what a previous run left pending. */
  resume(): Promise<void>;
  /** Stops retrying; mails not yet delivered stay pending for the next start. */
  stop(): void;
}

/**
 * Agent replies in email conversations go out after their event commits, never
 * inside the journal transaction: one conversation at a time (so replies keep
 * their order), retried with backoff, ending in `message.status` delivered or failed.
 */
export function startDeliveryWorker(ctx: HubContext, options: EmailOptions, sender: MailSender): DeliveryWorker {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timers = createRetryTimers();
  const chain = createConversationChains((error) => ctx.log(`email delivery failed: ${String(error)}`));

  const enqueue = (message: Message) =>
    chain(`${message.accountId}/${message.conversationId}`, () =>
      deliver(message).catch((error: unknown) => ctx.log(`email delivery of ${message.id} failed: ${String(error)}`)),
    );

  async function deliver(message: Message): Promise<void> {
    if (timers.stopped) return;
    const composed = await composeReply(ctx.db, options, message);
    if (composed === null) return;
    if (!composed.ok) return finish(message, null, 'failed', composed.error.message);
    const mail = composed.value;
    const known = await findOutboundOf(ctx.db, message.accountId, message.id);
    if (known && known.delivery !== 'pending') return; // done in an earlier run
    if (!known) await recordPending(message, mail);

    for (let attempt = 0; ; attempt += 1) {
      const outcome = await sender.send(mail);
      if (timers.stopped) return;
      if (outcome.ok) return finish(message, mail.mailId, 'delivered', null);
      const delay = delays[attempt];
      if (outcome.permanent || delay === undefined) return finish(message, mail.mailId, 'failed', outcome.reason);
      ctx.log(`email ${mail.mailId} attempt ${attempt + 1} failed (${outcome.reason}); retrying in ${delay} ms`);
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

  const finish = (message: Message, mailId: string | null, status: 'delivered' | 'failed', reason: string | null) => {
    if (timers.stopped) return;
    if (reason) ctx.log(`email reply ${message.id} failed for good: ${reason}`);
    return ctx.journal.record(message.accountId, async ({ tx, append }) => {
      if (mailId) await setDelivery(tx, message.accountId, mailId, status);
      await setMessageStatus(tx, message.accountId, message.id, status);
      await append('message.status', { messageId: message.id, conversationId: message.conversationId, status });
    });
  };

  const unsubscribe = ctx.bus.subscribe(null, (_accountId, event, origin) => {
    // Sent by the node that committed the reply: once per cluster.
    if (origin !== 'local' || event.type !== 'message.created' || event.data.private) return;
    if (event.data.author.kind !== 'agent' && event.data.author.kind !== 'bot') return; // customers' own mail, system lines
    enqueue(event.data);
  });

  return {
    async resume() {
      for (const entry of await listPendingDeliveries(ctx.db)) {
        const message = await findMessage(ctx.db, entry.accountId, entry.messageId);
        if (message) enqueue(message);
      }
    },
    stop() {
      unsubscribe();
      timers.stop();
    },
  };
}
