import type { HubContext } from '../../context.js';
import { leadAlone, type Lead } from '../../scaleout/leadership.js';
import { startDeliveryWorker } from './deliveryWorker.js';
import { addressOf, type EmailOptions } from './emailOptions.js';
import { createRelaySender, type MailSender } from './mailSender.js';
import { startSmtpListener, type SmtpListener } from './smtpListener.js';

export interface EmailChannel {
  /** The SMTP listener's port on this node; null while another node of the cluster listens. */
  readonly smtpPort: number | null;
  /** The address an email account receives at and replies from. */
  addressOf(accountId: string): string;
  close(): Promise<void>;
}

/**
 * SMTP in, relay out. `sender` defaults to nodemailer over `options.relay`.
 * `lead` decides where the listener runs: here at once on a lone node; in a
 * cluster on one node at a time (every node would bind the same port, and the
 * MX points at one place), another taking over when it stops. Replies go out
 * from every node: each sends those committed on it (deliveryWorker).
 */
export async function startEmailChannel(
  ctx: HubContext,
  options: EmailOptions,
  sender: MailSender = createRelaySender(options.relay),
  lead: Lead = leadAlone,
): Promise<EmailChannel> {
  const worker = startDeliveryWorker(ctx, options, sender);
  let listener: SmtpListener | null = null;
  const listening = await lead(async () => {
    const started = await startSmtpListener(ctx, options);
    listener = started;
    ctx.log(`smtp listening on ${options.host ?? '127.0.0.1'}:${started.port}, relay ${options.relay.host}:${options.relay.port}`);
    return async () => {
      listener = null;
      await started.close();
    };
  });
  if (!listening.leading) ctx.log(`smtp: another node of the cluster listens; this one takes over if it stops (relay ${options.relay.host}:${options.relay.port})`);
  worker.resume().catch((error: unknown) => ctx.log(`resuming email deliveries failed: ${String(error)}`));
  return {
    get smtpPort() {
      return listener?.port ?? null;
    },
    addressOf: (accountId) => addressOf(options, accountId),
    async close() {
      await worker.stop();
      await listening.close();
      sender.close();
    },
  };
}
