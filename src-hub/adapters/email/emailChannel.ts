import type { HubContext } from '../../context.js';
import { startDeliveryWorker } from './deliveryWorker.js';
import { addressOf, type EmailOptions } from './emailOptions.js';
import { createRelaySender, type MailSender } from './mailSender.js';
import { startSmtpListener } from './smtpListener.js';

export interface EmailChannel {
  smtpPort: number;
  /** The address an email account receives at and replies from. */
  addressOf(accountId: string): string;
  close(): Promise<void>;
}

/** SMTP in, relay out. `sender` defaults to nodemailer over `options.relay`. */
export async function startEmailChannel(ctx: HubContext, options: EmailOptions, sender: MailSender = createRelaySender(options.relay)): Promise<EmailChannel> {
  const worker = startDeliveryWorker(ctx, options, sender);
  const listener = await startSmtpListener(ctx, options);
  worker.resume().catch((error: unknown) => ctx.log(`resuming email deliveries failed: ${String(error)}`));
  ctx.log(`smtp listening on ${options.host ?? '127.0.0.1'}:${listener.port}, relay ${options.relay.host}:${options.relay.port}`);
  return {
    smtpPort: listener.port,
    addressOf: (accountId) => addressOf(options, accountId),
    async close() {
      worker.stop();
      await listener.close();
      sender.close();
    },
  };
}
