import type { Conversation } from '../../src-shared/index.js';

/**
 * Derived index fields of a cached conversation, so every inbox filter is one index
 * range read newest-first with a limit, never a scan. IndexedDB cannot index booleans
 * or null, hence a number and a string.
 */
export interface InboxKeys {
  /** 1 while not resolved. */
  open: 0 | 1;
  /** `resolved`, `bot` (the bot has it), `unassigned` (waiting in a queue), or `assigned:<accountId>:<personId>`. */
  queueKey: string;
}

export const assignedKey = (accountId: string, personId: string) => `assigned:${accountId}:${personId}`;

export function inboxKeys(c: Pick<Conversation, 'status' | 'accountId' | 'assigneeId'>): InboxKeys {
  if (c.status === 'resolved') return { open: 0, queueKey: 'resolved' };
  if (c.status === 'bot') return { open: 1, queueKey: 'bot' };
  return { open: 1, queueKey: c.assigneeId === null ? 'unassigned' : assignedKey(c.accountId, c.assigneeId) };
}
