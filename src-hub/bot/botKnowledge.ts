import { createSuggestionEngine, type SuggestionEngine } from '../../src-shared/ai/index.js';
import type { KbArticle } from '../../src-shared/domain/queue.js';

/** One suggestion engine per account, fed by `kb.changed`; canned replies are for agents, never answers. */
export interface BotKnowledge {
  apply(accountId: string, article: KbArticle): void;
  /** null while the account has no article to answer from. */
  engineOf(accountId: string): SuggestionEngine | null;
}

export function createBotKnowledge(): BotKnowledge {
  const engines = new Map<string, SuggestionEngine>();
  return {
    apply(accountId, article) {
      let engine = engines.get(accountId);
      if (article.kind !== 'article') {
        engine?.remove(article.id);
        return;
      }
      if (!engine) engines.set(accountId, (engine = createSuggestionEngine()));
      engine.upsert({
        id: article.id,
        title: article.title,
        body: article.body,
        questions: article.questions,
        ...(article.tags ? { tags: article.tags } : {}),
        ...(article.language ? { language: article.language } : {}),
        ...(article.variantOf ? { variantOf: article.variantOf } : {}),
      });
    },
    engineOf(accountId) {
      const engine = engines.get(accountId);
      return engine && engine.size > 0 ? engine : null;
    },
  };
}
