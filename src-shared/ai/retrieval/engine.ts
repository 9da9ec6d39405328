import { detectLanguage, type Language } from '../text/language.js';
import { tokenize } from '../text/tokenize.js';
import { groupOf, type EngineArticle, type Suggestion } from './article.js';
import { CONTEXT_WEIGHTS, fuse, fuseLexical } from './fuse.js';
import { ArticleSignals, type Evidence } from './signals.js';

export interface SuggestInput {
  text: string;
  /** The conversation's previous customer turns, oldest first; only the last few count. */
  context?: readonly string[];
  /** The customer's language if known; detected from `text` otherwise. */
  language?: Language;
  k?: number;
}

export interface SuggestionEngine {
  suggest(input: SuggestInput): Suggestion[];
  upsert(article: EngineArticle): void;
  remove(id: string): boolean;
  readonly size: number;
}

/** How many candidates each signal nominates before fusion. */
const PER_SIGNAL = 30;
const MIN_CONFIDENCE = 0.02;

export function createSuggestionEngine(initial: Iterable<EngineArticle> = []): SuggestionEngine {
  const articles = new Map<string, EngineArticle>();
  const groups = new Map<string, Set<string>>();
  const signals = new ArticleSignals();

  const remove = (id: string): boolean => {
    const old = articles.get(id);
    if (!old) return false;
    signals.drop(id);
    articles.delete(id);
    const members = groups.get(groupOf(old));
    members?.delete(id);
    if (members?.size === 0) groups.delete(groupOf(old));
    return true;
  };
  const upsert = (article: EngineArticle): void => {
    remove(article.id);
    articles.set(article.id, article);
    const group = groupOf(article);
    if (!groups.has(group)) groups.set(group, new Set());
    groups.get(group)!.add(article.id);
    signals.index(article);
  };
  for (const a of initial) upsert(a);

  /** The translation in the customer's language if the answer has one. */
  const inLanguage = (best: EngineArticle, language: Language): EngineArticle => {
    if ((best.language ?? 'zh-CN') === language) return best;
    for (const id of groups.get(groupOf(best)) ?? []) if (articles.get(id)?.language === language) return articles.get(id)!;
    return best;
  };

  const suggest = ({ text, context = [], language, k = 3 }: SuggestInput): Suggestion[] => {
    const tokens = tokenize(text ?? '');
    const evidence = signals.evidence(tokens, PER_SIGNAL);
    const boost = new Map<string, number>();
    const recent = context.slice(-CONTEXT_WEIGHTS.length).reverse();
    const candidates = new Set(evidence.keys());
    recent.forEach((turn, i) => {
      // Re-rank only: an earlier turn lifts what this message matches, and proposes
      // answers of its own only when this message matches nothing ("那运费呢?").
      const turnTokens = tokenize(turn);
      const earlier = candidates.size > 0 ? signals.evidenceFor(turnTokens, candidates) : signals.evidence(turnTokens, PER_SIGNAL);
      for (const [id, e] of earlier) boost.set(id, (boost.get(id) ?? 0) + CONTEXT_WEIGHTS[i]! * (candidates.size > 0 ? fuseLexical(e) : fuse(e)));
    });
    const ranked = new Map<string, { id: string; rank: number; confidence: number; evidence: Evidence; context: number }>();
    for (const id of new Set([...evidence.keys(), ...boost.keys()])) {
      const e = evidence.get(id) ?? { lexical: 0, question: 0, intent: 0 };
      const own = evidence.has(id) ? fuse(e) : 0;
      const ctx = boost.get(id) ?? 0;
      const candidate = { id, rank: own + ctx, confidence: Math.min(1, own + ctx / 2), evidence: e, context: ctx };
      // Translations of one answer compete as one.
      const group = groupOf(articles.get(id)!);
      if (candidate.rank > (ranked.get(group)?.rank ?? -1)) ranked.set(group, candidate);
    }
    const wanted = language ?? detectLanguage(text ?? '');
    return [...ranked.values()]
      .filter((c) => c.confidence >= MIN_CONFIDENCE)
      .sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1))
      .slice(0, k)
      .map((c) => {
        const a = inLanguage(articles.get(c.id)!, wanted);
        const round = (x: number) => Math.round(x * 1000) / 1000;
        return {
          articleId: a.id,
          title: a.title,
          body: a.body,
          language: a.language ?? 'zh-CN',
          confidence: round(c.confidence),
          evidence: { lexical: round(c.evidence.lexical), question: round(c.evidence.question), intent: round(c.evidence.intent), context: round(c.context) },
        };
      });
  };

  return {
    suggest,
    upsert,
    remove,
    get size() {
      return articles.size;
    },
  };
}
