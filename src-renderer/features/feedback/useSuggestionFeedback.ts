import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useServices } from '../../app/services.js';
import type { CachedConversation } from '../../db/schema.js';
import { hasFeedbackFor, recordFeedback } from '../../db/suggestionFeedback.js';
import { newClientId } from '../composer/newClientId.js';
import { createFeedbackCapture, type Vote } from './feedbackCapture.js';

export interface SuggestionFeedbackHandle {
  shown(messageId: string, articleIds: readonly string[]): void;
  inserted(articleId: string, text: string): void;
  vote(articleId: string, vote: Vote): void;
  /** A reply went out with this text. */
  sent(text: string): void;
  /** The votes on screen: held until judgement, then the stored ones. */
  votes: ReadonlyMap<string, Vote>;
  /** This customer message's suggestions are judged already: votes can no longer change. */
  judged: boolean;
}

/**
 * Wires the capture rules (feedbackCapture.ts) to one open conversation: a new capture
 * per conversation, judged as "left" when the agent moves to another one or closes it.
 */
export function useSuggestionFeedback(conversation: CachedConversation, myId: string | null): SuggestionFeedbackHandle {
  const { db } = useServices();
  const { id: conversationId, accountId } = conversation;
  const capture = useMemo(
    () =>
      createFeedbackCapture({
        accountId,
        conversationId,
        byId: myId,
        store: (rows) => recordFeedback(db, rows),
        judged: (messageId) => hasFeedbackFor(db, messageId, myId),
        newClientId,
        now: Date.now,
      }),
    [db, accountId, conversationId, myId],
  );
  useEffect(() => () => void capture.left(), [capture]);

  const [messageId, setMessageId] = useState<string | null>(null);
  const [held, setHeld] = useState<ReadonlyMap<string, Vote>>(new Map());
  const stored = useLiveQuery(
    async () => (messageId ? (await db.suggestionFeedback.where('messageId').equals(messageId).toArray()).filter((r) => r.byId === myId) : []),
    [db, messageId, myId],
  );
  const judged = (stored?.length ?? 0) > 0;
  const votes = useMemo(
    () => (judged ? new Map(stored!.flatMap((r) => (r.vote ? [[r.articleId, r.vote] as const] : []))) : held),
    [judged, stored, held],
  );

  // Votes held in memory belong to one question of one conversation.
  useEffect(() => setHeld(new Map()), [capture, messageId]);

  const shown = useCallback(
    (id: string, articleIds: readonly string[]) => {
      void capture.shown(id, articleIds);
      setMessageId(id);
    },
    [capture],
  );
  return {
    shown,
    inserted: (articleId, text) => capture.inserted(articleId, text),
    vote: (articleId, vote) => !judged && setHeld(capture.vote(articleId, vote)),
    sent: (text) => void capture.sent(text).then(() => setHeld(new Map())),
    votes,
    judged,
  };
}
