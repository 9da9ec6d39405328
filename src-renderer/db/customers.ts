import type { Customer } from '../../src-shared/index.js';
import type { CachedConversation, WorkstationDb } from './schema.js';

/**
 * The same person's other conversations, on any account or channel: matched by the
 * customer id the hub gives, or by the same email or phone. Newest first.
 */
export async function otherConversationsOf(db: WorkstationDb, customer: Customer, exceptId: string): Promise<CachedConversation[]> {
  const lookups = [db.conversations.where('customer.id').equals(customer.id).toArray()];
  if (customer.email) lookups.push(db.conversations.where('customer.email').equals(customer.email).toArray());
  if (customer.phone) lookups.push(db.conversations.where('customer.phone').equals(customer.phone).toArray());
  const byId = new Map((await Promise.all(lookups)).flat().map((c) => [c.id, c]));
  byId.delete(exceptId);
  return [...byId.values()].sort((a, b) => b.lastActivityAt - a.lastActivityAt);
}
