import type { PushPayload } from '../../../src-shared/index.js';
import { enqueueReply } from '../../db/outbox.js';
import type { WorkstationDb } from '../../db/schema.js';
import { newClientId } from '../composer/newClientId.js';

/**
 * A reply typed into a native notification goes the way every reply goes: into the
 * outbox with its own client id (so it survives going offline and lands once), then
 * the outbox sender takes it. The draft of that conversation is left alone.
 */
export async function queueInlineReply(
  db: WorkstationDb,
  kick: () => Promise<void>,
  { accountId, conversationId, text }: PushPayload<'app/notification-replied'>,
  now = Date.now(),
): Promise<void> {
  await enqueueReply(db, { clientId: newClientId(), accountId, conversationId, text }, now, { keepDraft: true });
  await kick();
}
