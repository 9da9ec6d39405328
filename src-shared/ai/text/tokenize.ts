import { ENGLISH_STOP_WORDS, stemEnglish } from './english.js';
import { normalizeText } from './normalize.js';

/** Particles and pronouns that every question has: they only add noise to BM25. */
const CHINESE_STOP_WORDS = new Set(
  '的 了 吗 呢 啊 吧 呀 嘛 哦 哈 么 我 你 您 他 她 它 们 我们 你们 是 在 和 与 或 就 都 也 还 又 这 那 这个 那个 一下 请问 请 麻烦 谢谢 亲 那么'.split(' '),
);
export const MAX_TOKENS = 2000;

const HAN = /^\p{Script=Han}/u;
const HAN_RUNS = /\p{Script=Han}+/gu;
const LATIN_OR_DIGIT = /^[\p{L}\p{N}'_-]+$/u;

let segmenter: Intl.Segmenter | undefined;
const LATIN_WORDS = /[\p{L}\p{N}'_-]+|[^\p{L}\p{N}'_\s-]+/gu;
const HAN_ANYWHERE = /\p{Script=Han}/u;

/** Intl.Segmenter for Chinese; a regex does the same for text without Han at a tenth of the cost. */
function* words(text: string): Generator<{ segment: string; isWordLike: boolean }> {
  if (HAN_ANYWHERE.test(text)) {
    yield* (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(text) as Iterable<{ segment: string; isWordLike?: boolean }> as Iterable<{ segment: string; isWordLike: boolean }>;
    return;
  }
  for (const [segment] of text.matchAll(LATIN_WORDS)) yield { segment, isWordLike: /[\p{L}\p{N}]/u.test(segment) };
}

/**
 * Tokens of an already normalized text: Chinese words from Intl.Segmenter, plus
 * character bigrams of every Han run (they catch what the segmenter splits
 * differently in the query and the article), English stems without stop words,
 * plus English word pairs ("card_arriv") for phrases that mean more than their words.
 */
export function tokensOfNormalized(text: string): string[] {
  const tokens: string[] = [];
  let previousEnglish: string | null = null;
  for (const { segment, isWordLike } of words(text)) {
    if (tokens.length >= MAX_TOKENS) return tokens;
    if (!isWordLike) {
      if (!/^\s+$/.test(segment)) previousEnglish = null;
      continue;
    }
    if (HAN.test(segment)) {
      previousEnglish = null;
      if (!CHINESE_STOP_WORDS.has(segment)) tokens.push(segment);
    } else if (LATIN_OR_DIGIT.test(segment)) {
      // "hasn't arrived" → "not arriv": the negation is the meaning, the auxiliary is not.
      const word = segment.endsWith("n't") ? 'not' : segment;
      if (ENGLISH_STOP_WORDS.has(word)) continue;
      const stem = stemEnglish(word);
      tokens.push(stem);
      if (previousEnglish) tokens.push(`${previousEnglish}_${stem}`);
      previousEnglish = stem;
    }
  }
  for (const [run] of text.matchAll(HAN_RUNS)) {
    for (let i = 0; i + 1 < run.length && tokens.length < MAX_TOKENS; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}

/** Never throws: empty, emoji-only or HTML-only text gives no tokens. */
export function tokenize(raw: string): string[] {
  return tokensOfNormalized(normalizeText(raw ?? ''));
}
