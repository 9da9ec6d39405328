import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { HubContext } from '../../context.js';
import type { EmailOptions } from './emailOptions.js';
import { ingestMail } from './ingestMail.js';
import { parseMail } from './parseMail.js';

/** The SMTP reply for the end of DATA: 250 accepted, 554 refused for good, 451 try again later. */
export interface SmtpOutcome {
  code: 250 | 451 | 554;
  message: string;
}

/**
 * One accepted mail for the accounts its recipients named. A mail that cannot be
 * a conversation is refused (the sender hears why); a failure of ours is a
 * temporary 451, so the sending server keeps the mail and tries again.
 */
export async function receiveMail(ctx: HubContext, options: EmailOptions, raw: Buffer, accounts: HubAccount[]): Promise<SmtpOutcome> {
  try {
    const parsed = await parseMail(raw);
    if (!parsed.ok) {
      ctx.log(`email refused: ${parsed.error.message}`);
      return { code: 554, message: `5.6.0 ${parsed.error.message}` };
    }
    // A mail without a Message-ID still threads: replies will name the one we give it.
    const mailId = parsed.value.mailId ?? `${ctx.newId('in')}@${options.domain ?? 'localhost'}`;
    for (const account of accounts) {
      const { duplicate } = await ingestMail(ctx, account, { ...parsed.value, mailId });
      if (duplicate) ctx.log(`email ${mailId} for ${account.id} already received; ignored`);
    }
    return { code: 250, message: 'OK: message accepted' };
  } catch (error) {
    ctx.log(`email intake failed: ${String(error)}`);
    return { code: 451, message: '4.3.0 temporary failure, try again later' };
  }
}
