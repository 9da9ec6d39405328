import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { HubContext } from '../../context.js';
import { DEFAULT_MAX_MESSAGE_BYTES, type EmailOptions } from './emailOptions.js';
import { receiveMail } from './receiveMail.js';
import { accountForRecipient } from './recipients.js';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/** Inbound SMTP: recipients are checked at RCPT (550 if unknown), size while DATA streams (552), content at the end. */
export async function startSmtpListener(ctx: HubContext, options: EmailOptions): Promise<SmtpListener> {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const accountsOf = async (session: SMTPServerSession): Promise<HubAccount[]> => {
    const found = await Promise.all(session.envelope.rcptTo.map((rcpt) => accountForRecipient(ctx.db, options, rcpt.address)));
    return [...new Map(found.filter((a): a is HubAccount => a !== null).map((a) => [a.id, a])).values()];
  };

  const server = new SMTPServer({
    // Loopback only in this slice: no AUTH and no STARTTLS inbound yet.
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    size: maxBytes,
    logger: false,
    closeTimeout: 1_000,
    maxClients: 100, // a flood from one sender cannot starve the hub of sockets
    onRcptTo(address, _session, callback) {
      accountForRecipient(ctx.db, options, address.address).then(
        (account) => callback(account ? null : smtpError(550, `5.1.1 no such mailbox: ${address.address}`)),
        (error: unknown) => {
          ctx.log(`email recipient check failed: ${String(error)}`);
          callback(smtpError(451, '4.3.0 temporary failure, try again later'));
        },
      );
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk); // past the limit, only count
      });
      stream.on('error', (error) => ctx.log(`email stream failed: ${String(error)}`));
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes) {
          return callback(smtpError(552, `5.3.4 message exceeds the ${maxBytes}-byte limit`));
        }
        accountsOf(session)
          .then((accounts) => receiveMail(ctx, options, Buffer.concat(chunks), accounts))
          .then(
            (outcome) => callback(outcome.code === 250 ? null : smtpError(outcome.code, outcome.message), outcome.message),
            (error: unknown) => {
              ctx.log(`email intake failed: ${String(error)}`);
              callback(smtpError(451, '4.3.0 temporary failure, try again later'));
            },
          );
      });
    },
  });
  server.on('error', (error) => ctx.log(`smtp listener error: ${String(error)}`));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.smtpPort, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
