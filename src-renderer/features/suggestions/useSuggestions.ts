import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Suggestion } from '../../../src-shared/ai/index.js';
import { useServices } from '../../app/services.js';
import { latestMessages } from '../../db/conversations.js';
import type { CachedConversation } from '../../db/schema.js';

/** Earlier customer turns given as context (the engine weighs the last few lower). */
const CONTEXT_TURNS = 3;

/**
 * Top answers for the customer's latest message, computed in the worker from the
 * cached KB: works offline. `undefined` while computing; a newer message replaces
 * the question (the worker's answer for the old one is dropped).
 */
export function useSuggestions(conversation: CachedConversation): Suggestion[] | undefined {
  const { db, ai } = useServices();
  const turns = useLiveQuery(
    async () => (await latestMessages(db, conversation.id, 30)).filter((m) => m.author.kind === 'customer').map((m) => m.text),
    [db, conversation.id],
  );
  const [suggestions, setSuggestions] = useState<Suggestion[] | undefined>(undefined);
  const question = turns?.at(-1);
  const context = turns?.slice(-1 - CONTEXT_TURNS, -1) ?? [];

  useEffect(() => {
    if (!question) return setSuggestions([]);
    setSuggestions(undefined);
    let live = true;
    void ai.suggest(conversation.id, conversation.accountId, question, context).then((s) => live && s && setSuggestions(s));
    return () => {
      live = false;
    };
    // The context is derived from the same turns as the question.
  }, [ai, conversation.id, conversation.accountId, question]);
  return suggestions;
}
