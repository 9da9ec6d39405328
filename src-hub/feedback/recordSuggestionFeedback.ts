import type { SuggestionFeedback } from '../../src-shared/hub/events.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import type { HubContext } from '../context.js';
import { insertSuggestionFeedback, kbArticleExists } from '../store/suggestionFeedback.js';

/**
 * What an agent did with one suggestion, once per clientId: the workstation queues
 * these offline and replays them, and a replay must count once. Leads read
 * acceptance per article from the `suggestion.feedback` events.
 */
export function recordSuggestionFeedback(
  ctx: HubContext,
  input: { accountId: string; byId: string; feedback: SuggestionFeedback },
): Promise<Result<{ duplicate: boolean }>> {
  const { accountId, feedback } = input;
  return ctx.journal.record(accountId, async ({ tx, at, append }) => {
    if (!(await kbArticleExists(tx, accountId, feedback.articleId))) return err('not-found', `no KB article ${feedback.articleId}`);
    const fresh = await insertSuggestionFeedback(tx, { ...feedback, accountId, byId: input.byId, createdAt: at });
    if (!fresh) return ok({ duplicate: true });
    await append('suggestion.feedback', { ...feedback, byId: input.byId });
    return ok({ duplicate: false });
  });
}
