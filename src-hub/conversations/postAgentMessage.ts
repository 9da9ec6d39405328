import type { Person } from '../../src-shared/domain/account.js';
import { channelTakesImages, type AttachmentRef } from '../../src-shared/domain/attachment.js';
import { ownershipOf, type Conversation } from '../../src-shared/domain/conversation.js';
import type { Message } from '../../src-shared/domain/message.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import { resolveAttachments } from '../attachments/resolveAttachments.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { HubContext } from '../context.js';
import { saveConversation } from '../store/conversations.js';
import { findMessageByClientId, insertMessage } from '../store/messages.js';
import { loadConversation } from './loadConversation.js';
import { heldByPerson, holderOf, withExplicitOwner } from './ownership.js';
import { previewOf } from './preview.js';

export interface AgentMessageInput {
  accountId: string;
  author: Person;
  clientId: string;
  conversationId: string;
  text: string;
  /** A private note: agents see it, the customer never does. */
  private: boolean;
  /** Images uploaded beforehand (POST /attachments); only on channels that take images. */
  attachments?: AttachmentRef[] | undefined;
}

/**
 * A reply or a note from an agent, idempotent on clientId per account: the
 * workstation replays its outbox after a reconnect, and the replay must neither
 * duplicate the message nor append another event.
 */
export function postAgentMessage(ctx: HubContext, input: AgentMessageInput): Promise<Result<{ message: Message; duplicate: boolean }>> {
  return ctx.journal.record(input.accountId, async (writer) => {
    const { tx, at, append } = writer;
    const existing = await findMessageByClientId(tx, input.accountId, input.clientId);
    if (existing) {
      const sameRequest =
        existing.conversationId === input.conversationId && existing.private === input.private && existing.author.id === input.author.id;
      if (!sameRequest) return err('conflict', `clientId ${input.clientId} was already used for another message`);
      return ok({ message: existing, duplicate: true });
    }
    const found = await loadConversation(tx, input.accountId, input.conversationId);
    if (!found.ok) return found;
    if (input.attachments?.length && !channelTakesImages(found.value.channel)) {
      return err('unsupported-media', 'this channel does not take images');
    }
    const attachments = await resolveAttachments(tx, input.accountId, input.attachments);
    if (!attachments.ok) return attachments;

    const message: Message = {
      id: ctx.newId('m'),
      conversationId: input.conversationId,
      accountId: input.accountId,
      clientId: input.clientId,
      author: { kind: 'agent', id: input.author.id, name: input.author.name },
      text: input.text,
      private: input.private,
      status: 'sent',
      createdAt: at,
      ...(attachments.value ? { attachments: attachments.value } : {}),
    };
    await insertMessage(tx, message);
    await append('message.created', message);
    if (!input.private) {
      // A person answered: the customer no longer waits.
      const conversation = {
        ...withExplicitOwner(found.value),
        lastActivityAt: at,
        lastMessagePreview: previewOf(input.text),
        waitingSince: null,
      };
      await saveConversation(tx, conversation);
      await append('conversation.upsert', conversation);
    }
    const oversight = oversightOf(input.author, found.value, input.private);
    if (oversight) {
      await recordAudit(ctx, writer, input.accountId, {
        action: oversight,
        actor: input.author,
        conversationId: input.conversationId,
        detail: `in ${holderOf(found.value)}'s conversation`,
      });
    }
    return ok({ message, duplicate: false });
  });
}

/**
 * A lead or supervisor writing in a conversation someone else holds: a note there
 * is a whisper (to its agent), a reply to the customer is a barge-in. Both are
 * allowed and both are audited. Agents writing anywhere are neither, as before.
 */
function oversightOf(author: Person, conversation: Conversation, isPrivate: boolean): 'whisper' | 'barge' | null {
  if (author.role === 'agent') return null;
  const someoneElse = conversation.assigneeId !== null && conversation.assigneeId !== author.id;
  if (!someoneElse) return null;
  if (isPrivate) return 'whisper';
  return heldByPerson(ownershipOf(conversation)) ? 'barge' : null;
}
