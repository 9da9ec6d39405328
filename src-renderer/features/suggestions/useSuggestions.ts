import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Suggestion } from '../../../src-shared/ai/index.js';
import { useServices } from '../../app/services.js';
import { latestMessages } from '../../db/conversations.js';
import type { CachedConversation } from '../../db/schema.js';

/** Earlier customer turns given as context (the engine weighs the last few lower). */
const CONTEXT_TURNS = 3;

export interface Suggested {
  /** The customer message answered (feedback is recorded against it); null before any. */
  messageId: string | null;
  /** Its text: the question the suggestions answer. */
  question: string | null;
  /** `undefined` while computing. */
  suggestions: Suggestion[] | undefined;
}

/**
 * Top answers for the customer's latest message, computed in the worker from the
 * cached KB: works offline. A newer message replaces the question (the worker's
 * answer for the old one is dropped).
 */
export function useSuggestions(conversation: CachedConversation): Suggested {
  const { db, ai } = useServices();
  const turns = useLiveQuery(
    async () => (await latestMessages(db, conversation.id, 30)).filter((m) => m.author.kind === 'customer').map(({ id, text }) => ({ id, text })),
    [db, conversation.id],
  );
  // Kept with the question they answer, so a render never pairs a new question with old answers.
  const [answered, setAnswered] = useState<{ question: string; list: Suggestion[] } | null>(null);
  const latest = turns?.at(-1);
  const question = latest?.text;
  const context = turns?.slice(-1 - CONTEXT_TURNS, -1).map((m) => m.text) ?? [];
  // Asked again when the account's KB reaches the worker (after the question, or edited).
  const kbVersion = useSyncExternalStore(ai.onKbFed, () => ai.kbVersion(conversation.accountId));

  useEffect(() => {
    if (!question) return;
    let live = true;
    void ai.suggest(conversation.id, conversation.accountId, question, context).then((list) => live && list && setAnswered({ question, list }));
    return () => {
      live = false;
    };
    // The context is derived from the same turns as the question.
  }, [ai, conversation.id, conversation.accountId, question, kbVersion]);
  const suggestions = !question ? (turns ? [] : undefined) : answered?.question === question ? answered.list : undefined;
  return { messageId: latest?.id ?? null, question: question ?? null, suggestions };
}
