/** The local AI engine: pure TypeScript, runs in the renderer's worker and in the hub's bot. */
export { normalizeText, stripHtml, MAX_TEXT_CHARS } from './text/normalize.js';
export { tokenize } from './text/tokenize.js';
export { toSimplified } from './text/fold.js';
export { detectLanguage, LANGUAGES, type Language } from './text/language.js';
export { Bm25Index, type Bm25Hit, type Bm25Options, type WeightedTokens } from './retrieval/bm25.js';
export { NaiveBayesIntents } from './retrieval/intent.js';
export { createSuggestionEngine, type SuggestInput, type SuggestionEngine } from './retrieval/engine.js';
export type { EngineArticle, Suggestion } from './retrieval/article.js';
export { scoreSentiment, type SentimentLabel, type SentimentScore, type SentimentOptions } from './sentiment/score.js';
export type { Risk } from './sentiment/risk.js';
export { rollUp, bandOf, type ConversationMood, type Trend } from './sentiment/rollUp.js';
export { DemoKb, DemoKbArticle } from './kb/schema.js';
export { summarizeTurns, type SummaryLine, type SummaryTurn } from './summary/summarize.js';
export { warmUp } from './warmUp.js';
