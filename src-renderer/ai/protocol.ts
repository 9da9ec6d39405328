import type { ConversationMood, EngineArticle, SentimentScore, Suggestion, SummaryLine, SummaryTurn } from '../../src-shared/ai/index.js';

/** Page → worker. */
export type WorkerRequest =
  | { type: 'kb'; accountId: string; articles: EngineArticle[] }
  | { type: 'suggest'; id: number; accountId: string; text: string; context: string[] }
  | { type: 'mood'; id: number; texts: string[] }
  | { type: 'summary'; id: number; turns: SummaryTurn[] };

/** Worker → page. */
export type WorkerReply =
  | { type: 'suggest'; id: number; suggestions: Suggestion[] }
  | { type: 'mood'; id: number; scores: SentimentScore[]; mood: ConversationMood }
  | { type: 'summary'; id: number; lines: SummaryLine[] };
