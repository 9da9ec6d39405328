import type { Conversation } from '../../src-shared/domain/conversation.js';
import type { HubContext } from '../context.js';
import type { JournalWriter } from '../events/journal.js';
import { listMessages } from '../store/messages.js';
import { botText } from './botTexts.js';
import { customerSeesNotices, postCustomerNotice } from './customerNotice.js';

/**
 * Inside a claim, assignment or takeover's record: the customer is told, in their
 * language, that a person has joined. A claim says so only where the bot had the
 * conversation (a customer waiting in the queue expects a person anyway); a
 * takeover (`always`) says so wherever the customer can read it.
 */
export async function announceJoin(
  ctx: HubContext,
  writer: JournalWriter,
  conversation: Conversation,
  person: { name: string },
  options: { always?: boolean } = {},
): Promise<void> {
  if (!customerSeesNotices(conversation)) return;
  if (!options.always) {
    const messages = await listMessages(writer.tx, conversation.accountId, conversation.id, { includePrivate: false });
    if (!messages.some((m) => m.author.kind === 'bot')) return;
  }
  await postCustomerNotice(ctx, writer, conversation, {
    author: { kind: 'system', id: 'system', name: person.name },
    text: (language) => botText('joined', language, { name: person.name }),
  });
}
