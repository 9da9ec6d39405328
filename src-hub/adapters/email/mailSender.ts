import nodemailer from 'nodemailer';
import type { RelayOptions } from './emailOptions.js';

/** A reply as it leaves the hub. Mail ids are Message-IDs without angle brackets. */
export interface OutboundMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  mailId: string;
  inReplyTo: string | null;
  references: string[];
  /** Images of the reply as MIME parts (absent: a text-only mail). */
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** `permanent`: the relay refused for good (5xx); trying again would not help. */
export type SendOutcome = { ok: true } | { ok: false; permanent: boolean; reason: string };

/** The outbound port: one attempt per call, never throws. Retries are the caller's. */
export interface MailSender {
  send(mail: OutboundMail): Promise<SendOutcome>;
  close(): void;
}

const bracket = (id: string): string => `<${id}>`;

/** Sends through an SMTP relay with nodemailer, one connection per mail. */
export function createRelaySender(relay: RelayOptions): MailSender {
  const transport = nodemailer.createTransport({
    host: relay.host,
    port: relay.port,
    secure: relay.secure ?? false,
    ...(relay.auth ? { auth: relay.auth } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: bracket(mail.mailId),
          ...(mail.inReplyTo ? { inReplyTo: bracket(mail.inReplyTo) } : {}),
          ...(mail.references.length > 0 ? { references: mail.references.map(bracket) } : {}),
          ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
        });
        return { ok: true };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        return { ok: false, permanent: typeof code === 'number' && code >= 500, reason: (error as Error).message ?? String(error) };
      }
    },
    close: () => transport.close(),
  };
}
