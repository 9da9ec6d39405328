import type { SuggestionFeedbackRow } from '../../db/suggestionFeedback.js';
import { classify } from './classify.js';

export type Vote = 'up' | 'down';

/** Only the top three are shown with a number (Alt+1/2/3), so only they are judged. */
export const JUDGED_RANKS = 3;

export interface CaptureDeps {
  accountId: string;
  conversationId: string;
  /** My person id on the account. */
  byId: string | null;
  /** Writes the rows (Dexie, pending): must resolve only once they are stored. */
  store: (rows: SuggestionFeedbackRow[]) => Promise<unknown>;
  /** Whether I already judged that customer message's suggestions (one set of rows each). */
  judged: (messageId: string) => Promise<boolean>;
  newClientId: () => string;
  now: () => number;
  log?: (line: string) => void;
}

/** What is known about the suggestions shown for one customer message until it is judged. */
interface Open {
  messageId: string;
  shown: string[];
  /** articleId → the text its insertion put in the composer (the last insertion counts). */
  inserted: Map<string, string>;
  votes: Map<string, Vote>;
}

/**
 * Captures what an agent does with the suggestions of one conversation. The rule:
 * the suggestions shown for a customer message are judged ONCE per agent, when the
 * first of these happens:
 * - a reply is sent: each shown suggestion is `inserted`, `edited` or `ignored` (see classify);
 * - a newer customer message replaces the question: all `ignored` (nothing went out);
 * - the agent leaves the conversation having voted: all `ignored`, with the votes. Leaving
 *   without a vote records nothing: the agent may come back and answer.
 * A vote alone is kept in memory with its suggestion and lands on that row at judgement.
 */
export function createFeedbackCapture(deps: CaptureDeps) {
  let open: Open | null = null;
  let chain: Promise<void> = Promise.resolve();

  const judge = (sentText: string | null) => {
    const closing = open;
    open = null;
    if (!closing) return chain;
    chain = chain.then(async () => {
      if (await deps.judged(closing.messageId)) return;
      const at = deps.now();
      const rows = closing.shown.map(
        (articleId, i): SuggestionFeedbackRow => ({
          clientId: deps.newClientId(),
          accountId: deps.accountId,
          conversationId: deps.conversationId,
          messageId: closing.messageId,
          articleId,
          rank: i + 1,
          action: classify(closing.inserted.get(articleId), sentText),
          vote: closing.votes.get(articleId) ?? null,
          byId: deps.byId,
          at,
          pending: 1,
        }),
      );
      if (rows.length > 0) await deps.store(rows);
    }).catch((e: unknown) => (deps.log ?? console.error)(`feedback: not stored: ${e instanceof Error ? e.message : String(e)}`));
    return chain;
  };

  return {
    /** The suggestions now on screen for the customer's latest message (best first). */
    shown(messageId: string, articleIds: readonly string[]): Promise<void> {
      const top = articleIds.slice(0, JUDGED_RANKS);
      if (open?.messageId === messageId) {
        open.shown = top;
        return chain;
      }
      const done = open ? judge(null) : chain;
      open = { messageId, shown: top, inserted: new Map(), votes: new Map() };
      return done;
    },
    inserted(articleId: string, text: string) {
      open?.inserted.set(articleId, text);
    },
    /** The same thumb twice takes the vote back. Answers the votes now held. */
    vote(articleId: string, vote: Vote): ReadonlyMap<string, Vote> {
      if (!open) return new Map();
      if (open.votes.get(articleId) === vote) open.votes.delete(articleId);
      else open.votes.set(articleId, vote);
      return new Map(open.votes);
    },
    sent: (text: string) => judge(text),
    left: () => (open && open.votes.size > 0 ? judge(null) : ((open = null), chain)),
    /** Resolves when every judgement so far is stored (tests). */
    settled: () => chain,
  };
}

export type FeedbackCapture = ReturnType<typeof createFeedbackCapture>;
