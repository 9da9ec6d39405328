import type { HubEvent } from '../../src-shared/index.js';
import type { CachedConversation, WorkstationDb } from './schema.js';

type Tables = Pick<WorkstationDb, 'conversations' | 'messages'>;

/** Applies one hub event to the cache. Runs inside the caller's transaction. */
export async function applyEvent(db: Tables, event: HubEvent): Promise<void> {
  switch (event.type) {
    case 'conversation.upsert': {
      const existing = await db.conversations.get(event.data.id);
      const row: CachedConversation = { ...event.data, unread: existing?.unread ?? 0 };
      await db.conversations.put(row);
      return;
    }
    case 'message.created': {
      const message = event.data;
      if (await db.messages.get(message.id)) return; // replayed: already stored
      await db.messages.put(message);
      if (message.author.kind === 'customer') {
        await db.conversations
          .where('id')
          .equals(message.conversationId)
          .modify((c) => void (c.unread += 1));
      }
      return;
    }
    case 'message.status':
      await db.messages.update(event.data.messageId, { status: event.data.status });
      return;
    case 'conversation.assigned':
      await db.conversations.update(event.data.conversationId, {
        assigneeId: event.data.assigneeId,
        assigneeName: event.data.assigneeName,
      });
      return;
    // Escalation, takeover, queues, KB and presence belong to later features;
    // they still advance the cursor so they are not replayed forever.
    default:
      return;
  }
}
