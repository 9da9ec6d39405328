import { createSuggestionEngine, rollUp, scoreSentiment, summarizeTurns, type SuggestionEngine } from '../../src-shared/ai/index.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

/**
 * What the worker does, without the worker: one engine per account (each shop its
 * own KB), suggestions for a message in its context, sentiment with a roll-up.
 * Kept apart from `suggestWorker.ts` so it is tested in Node.
 */
export function createEngineHost() {
  const engines = new Map<string, SuggestionEngine>();
  return (request: WorkerRequest): WorkerReply | null => {
    switch (request.type) {
      case 'kb':
        engines.set(request.accountId, createSuggestionEngine(request.articles));
        return null;
      case 'suggest': {
        const engine = engines.get(request.accountId);
        const suggestions = engine ? engine.suggest({ text: request.text, context: request.context, k: 3 }) : [];
        return { type: 'suggest', id: request.id, suggestions };
      }
      case 'mood': {
        const scores = request.texts.map((text, i) => scoreSentiment(text, { previous: request.texts.slice(0, i) }));
        return { type: 'mood', id: request.id, scores, mood: rollUp(scores) };
      }
      case 'summary':
        return { type: 'summary', id: request.id, lines: summarizeTurns(request.turns) };
    }
  };
}
