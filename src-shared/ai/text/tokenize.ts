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
/** A LATIN_WORDS match that is a word: word characters, at least one a letter or digit (not only ' _ -). */
const LATIN_WORD = /^[\p{L}\p{N}'_-]*[\p{L}\p{N}]/u;

/** Chinese words from Intl.Segmenter, English stems and word pairs, bigrams of Han runs: see `tokensOfNormalized`. */
class TokenSink {
  readonly tokens: string[] = [];
  private previousEnglish: string | null = null;

  get full(): boolean {
    return this.tokens.length >= MAX_TOKENS;
  }

  /** Punctuation or a symbol between two words: they are not a pair. */
  breakPair(): void {
    this.previousEnglish = null;
  }

  chinese(word: string): void {
    this.previousEnglish = null;
    if (!CHINESE_STOP_WORDS.has(word)) this.tokens.push(word);
  }

  english(segment: string): void {
    // "hasn't arrived" → "not arriv": the negation is the meaning, the auxiliary is not.
    const word = segment.endsWith("n't") ? 'not' : segment;
    if (ENGLISH_STOP_WORDS.has(word)) return;
    const stem = stemEnglish(word);
    this.tokens.push(stem);
    if (this.previousEnglish) this.tokens.push(`${this.previousEnglish}_${stem}`);
    this.previousEnglish = stem;
  }
}

/** Text with Han: Intl.Segmenter's words, then character bigrams of every Han run. */
function chineseTokens(text: string, sink: TokenSink): void {
  for (const { segment, isWordLike } of (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })).segment(text)) {
    if (sink.full) return;
    if (!isWordLike) {
      if (!/^\s+$/.test(segment)) sink.breakPair();
    } else if (HAN.test(segment)) sink.chinese(segment);
    else if (LATIN_OR_DIGIT.test(segment)) sink.english(segment);
  }
  for (const [run] of text.matchAll(HAN_RUNS)) {
    for (let i = 0; i + 1 < run.length && !sink.full; i++) sink.tokens.push(run.slice(i, i + 2));
  }
}

/**
 * Text without Han: one regex pass does what the segmenter would at a tenth of the
 * cost. A match is a run of word characters (a word unless it is only ' _ -) or
 * of other non-space characters (which end a word pair).
 */
function latinTokens(text: string, sink: TokenSink): void {
  LATIN_WORDS.lastIndex = 0;
  for (let m = LATIN_WORDS.exec(text); m; m = LATIN_WORDS.exec(text)) {
    if (sink.full) return;
    const segment = m[0];
    if (LATIN_WORD.test(segment)) sink.english(segment);
    else sink.breakPair();
  }
}

/**
 * Tokens of an already normalized text: Chinese words from Intl.Segmenter, plus
 * character bigrams of every Han run (they catch what the segmenter splits
 * differently in the query and the article), English stems without stop words,
 * plus English word pairs ("card_arriv") for phrases that mean more than their words.
 */
export function tokensOfNormalized(text: string): string[] {
  const sink = new TokenSink();
  if (HAN_ANYWHERE.test(text)) chineseTokens(text, sink);
  else latinTokens(text, sink);
  return sink.tokens;
}

/** Never throws: empty, emoji-only or HTML-only text gives no tokens. */
export function tokenize(raw: string): string[] {
  return tokensOfNormalized(normalizeText(raw ?? ''));
}
