export { acceptanceByArticle, type ArticleAcceptance } from './acceptance.js';
export { startFeedbackSync, type FeedbackSync } from './feedbackSyncer.js';
export { JUDGED_RANKS, type Vote } from './feedbackCapture.js';
export { useSuggestionFeedback, type SuggestionFeedbackHandle } from './useSuggestionFeedback.js';
export { VoteButtons } from './VoteButtons.js';
