import type { Person } from '../../src-shared/domain/account.js';
import type { PresenceStatus } from '../../src-shared/domain/queue.js';
import type { HubContext } from '../context.js';
import { withOwner } from '../conversations/ownership.js';
import { saveOwnerChange } from '../conversations/saveOwnerChange.js';
import { savePresence } from '../store/presence.js';
import { findConversationsHeldBy } from '../store/queuesHeldBy.js';

export interface PresenceChange {
  accountId: string;
  person: Pick<Person, 'id' | 'name'>;
  status: PresenceStatus;
  /** Conversations at once; kept as stored when not given. */
  capacity?: number;
}

/**
 * A person's presence, stored and journaled (`agent.presence` with their name) in
 * one record. Going offline also hands every open conversation they hold back to
 * its queue, unassigned, in that same record: nobody waits on someone who left.
 * Returns how many conversations went back.
 */
export function recordPresence(ctx: HubContext, change: PresenceChange): Promise<number> {
  const { accountId, person, status } = change;
  return ctx.journal.record(accountId, async (writer) => {
    await savePresence(writer.tx, { accountId, personId: person.id, status, ...(change.capacity !== undefined ? { capacity: change.capacity } : {}), now: writer.at });
    await writer.append('agent.presence', { personId: person.id, status, name: person.name });
    if (status !== 'offline') return 0;
    const held = await findConversationsHeldBy(writer.tx, accountId, person.id);
    for (const conversation of held) await saveOwnerChange(writer, conversation, withOwner(conversation, { owner: 'queued' }));
    return held.length;
  });
}
