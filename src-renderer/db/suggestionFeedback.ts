import { Dexie } from 'dexie';
import type { HubEvent, SuggestionFeedback } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';

/**
 * One suggestion's fate for one customer message, as stored: mine (written at once,
 * `pending: 1` until the hub has it) or a teammate's (ingested from the hub, `pending: 0`).
 */
export interface SuggestionFeedbackRow extends SuggestionFeedback {
  accountId: string;
  /** Who gave it (the hub's person id); null when this workstation knew no person. */
  byId: string | null;
  at: number;
  /** 1 until the hub acknowledged it (IndexedDB cannot index booleans). */
  pending: 0 | 1;
}

type FeedbackEvent = Extract<HubEvent, { type: 'suggestion.feedback' }>;

/** Written before anything leaves, like a reply in the outbox: works offline. */
export const recordFeedback = (db: WorkstationDb, rows: readonly SuggestionFeedbackRow[]) => db.suggestionFeedback.bulkPut([...rows]);

/** Oldest first is not needed: each row is independent and idempotent on its client id. */
export const pendingFeedback = (db: WorkstationDb, limit = 200) => db.suggestionFeedback.where('pending').equals(1).limit(limit).toArray();

export const countPending = (db: WorkstationDb) => db.suggestionFeedback.where('pending').equals(1).count();

export const markFeedbackSynced = (db: WorkstationDb, clientId: string) => db.suggestionFeedback.update(clientId, { pending: 0 });

export const dropFeedback = (db: WorkstationDb, clientId: string) => db.suggestionFeedback.delete(clientId);

/** Whether this person already judged the suggestions of that customer message (one set each). */
export async function hasFeedbackFor(db: WorkstationDb, messageId: string, byId: string | null): Promise<boolean> {
  return (await db.suggestionFeedback.where('messageId').equals(messageId).filter((r) => r.byId === byId).count()) > 0;
}

/** Every stored row of an account, mine and the team's: what the lead's acceptance view reads. */
export const feedbackOfAccount = (db: WorkstationDb, accountId: string) =>
  db.suggestionFeedback.where('[accountId+articleId]').between([accountId, Dexie.minKey], [accountId, Dexie.maxKey]).toArray();

/** A hub event as a row: the hub has it, so it is never pending (my own echo included). */
export function feedbackRowOf(accountId: string, event: FeedbackEvent): SuggestionFeedbackRow {
  const { byId, ...feedback } = event.data;
  return { ...feedback, accountId, byId, at: event.at, pending: 0 };
}
