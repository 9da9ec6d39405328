import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { SMTPServer } from 'smtp-server';

export interface TestRelay {
  port: number;
  /** Every mail the relay accepted, parsed. */
  received: ParsedMail[];
  /** Connections seen, accepted or refused: one per delivery attempt. */
  connections: number;
  close(): Promise<void>;
}

/** A real SMTP server on loopback standing in for the shop's relay. `down`: it answers every connection with 421. */
export async function startTestRelay(mode: 'up' | 'down' = 'up'): Promise<TestRelay> {
  const relay: TestRelay = { port: 0, received: [], connections: 0, close: async () => {} };
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    closeTimeout: 500,
    onConnect(_session, callback) {
      relay.connections += 1;
      if (mode === 'down') return callback(Object.assign(new Error('service not available'), { responseCode: 421 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          relay.received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  relay.port = (server.server.address() as AddressInfo).port;
  relay.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return relay;
}

/** Sends one mail over SMTP to `port`, as a customer's mail server would. Rejects with the SMTP error (`responseCode`). */
export async function sendTestMail(port: number, mail: Mail.Options): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/** The SMTP reply code a send failed with, or 250 if it went through. */
export async function smtpCodeOf(port: number, mail: Mail.Options): Promise<number> {
  try {
    await sendTestMail(port, mail);
    return 250;
  } catch (error) {
    return (error as { responseCode?: number }).responseCode ?? -1;
  }
}
