import type { ConversationMood, EngineArticle, SentimentScore, Suggestion, SummaryLine, SummaryTurn } from '../../src-shared/ai/index.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

export interface AiClient {
  setKb(accountId: string, articles: EngineArticle[]): void;
  /**
   * How many times the account's KB was fed to the worker: a suggestion computed before
   * the articles arrived (an account just added, its KB still replaying) or before a
   * lead's edit is asked again when it moves.
   */
  kbVersion(accountId: string): number;
  /** Subscribes to kbVersion changes (useSyncExternalStore's shape). */
  onKbFed(listener: () => void): () => void;
  /** Resolves null when a newer request for the same `key` (conversation) superseded it. */
  suggest(key: string, accountId: string, text: string, context: string[]): Promise<Suggestion[] | null>;
  mood(texts: string[]): Promise<{ scores: SentimentScore[]; mood: ConversationMood }>;
  /** The escalation summary: the customer's telling sentences and our last answer. */
  summarize(turns: SummaryTurn[]): Promise<SummaryLine[]>;
}

interface Port {
  postMessage(message: WorkerRequest): void;
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null;
}

/** The page side of the AI worker: request ids, and stale suggestions dropped per conversation. */
export function createAiClient(port: Port): AiClient {
  let nextId = 1;
  const waiting = new Map<number, (reply: WorkerReply) => void>();
  const latestFor = new Map<string, number>();
  const kbVersions = new Map<string, number>();
  const kbListeners = new Set<() => void>();
  port.onmessage = (e) => {
    waiting.get(e.data.id)?.(e.data);
    waiting.delete(e.data.id);
  };
  const ask = (request: WorkerRequest & { id: number }) =>
    new Promise<WorkerReply>((resolve) => {
      waiting.set(request.id, resolve);
      port.postMessage(request);
    });

  return {
    setKb(accountId, articles) {
      port.postMessage({ type: 'kb', accountId, articles });
      kbVersions.set(accountId, (kbVersions.get(accountId) ?? 0) + 1);
      for (const listener of kbListeners) listener();
    },
    kbVersion: (accountId) => kbVersions.get(accountId) ?? 0,
    onKbFed(listener) {
      kbListeners.add(listener);
      return () => void kbListeners.delete(listener);
    },
    async suggest(key, accountId, text, context) {
      const id = nextId++;
      latestFor.set(key, id);
      const reply = await ask({ type: 'suggest', id, accountId, text, context });
      // A newer customer message arrived meanwhile: these answers are for an old question.
      if (latestFor.get(key) !== id || reply.type !== 'suggest') return null;
      return reply.suggestions;
    },
    async mood(texts) {
      const reply = await ask({ type: 'mood', id: nextId++, texts });
      if (reply.type !== 'mood') throw new Error('ai worker: unexpected reply');
      return { scores: reply.scores, mood: reply.mood };
    },
    async summarize(turns) {
      const reply = await ask({ type: 'summary', id: nextId++, turns });
      if (reply.type !== 'summary') throw new Error('ai worker: unexpected reply');
      return reply.lines;
    },
  };
}

export const startAiWorker = (): AiClient =>
  createAiClient(new Worker(new URL('./suggestWorker.ts', import.meta.url), { type: 'module' }) as unknown as Port);
