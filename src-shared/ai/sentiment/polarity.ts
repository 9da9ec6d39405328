import {
  EMOJI_POLARITY, EN_CONTRAST, EN_INTENSIFIERS, EN_NEGATORS, EN_POLARITY,
  ZH_CONTRAST, ZH_INTENSIFIERS, ZH_NEGATORS, ZH_POLARITY,
} from './lexicon.js';

export interface PolarityHit {
  word: string;
  value: number;
}
export interface Cues {
  caps: boolean;
  exclaim: boolean;
}

/** A flipped word keeps less than its strength: "not bad" is not "good". */
const NEGATION = -0.74;
/** How far (Chinese characters / English words) a negator or intensifier reaches. */
const ZH_REACH = 3;
const EN_REACH = 3;
const LONGEST_ZH = 6;
const PIECES = /[a-z][a-z']*|\p{Script=Han}+|\p{Extended_Pictographic}|[!?.,;:。，！？；：~、\n]/gu;

type ZhKind = 'polarity' | 'negator' | 'intensifier' | 'contrast' | null;

/** Kinds in tie order: a word in two lists counts as the first. */
const ZH_KINDS: Array<[Exclude<ZhKind, null>, ReadonlyMap<string, number> | ReadonlySet<string>]> = [
  ['polarity', ZH_POLARITY],
  ['negator', ZH_NEGATORS],
  ['intensifier', ZH_INTENSIFIERS],
  ['contrast', ZH_CONTRAST],
];

/**
 * Lexicon entries by first character, longest first and polarity first on a tie:
 * the first that matches at a position is the longest-match answer, found in a
 * few comparisons instead of six slices and up to 24 lookups per character.
 */
const ZH_BY_FIRST = (() => {
  const kindOf = new Map<string, Exclude<ZhKind, null>>();
  for (const [kind, words] of ZH_KINDS) for (const word of words.keys()) if (word.length <= LONGEST_ZH && !kindOf.has(word)) kindOf.set(word, kind);
  const rank = (kind: ZhKind) => ZH_KINDS.findIndex(([k]) => k === kind);
  const entries = [...kindOf].map(([word, kind]) => ({ word, kind })).sort((a, b) => b.word.length - a.word.length || rank(a.kind) - rank(b.kind));
  const byFirst = new Map<string, Array<{ word: string; kind: ZhKind }>>();
  for (const entry of entries) byFirst.set(entry.word[0]!, [...(byFirst.get(entry.word[0]!) ?? []), entry]);
  return byFirst;
})();

/** The longest lexicon entry starting at `i` (polarity first on a tie), or the single character. */
function longestAt(text: string, i: number): { word: string; kind: ZhKind } {
  for (const entry of ZH_BY_FIRST.get(text[i]!) ?? []) if (text.startsWith(entry.word, i)) return entry;
  return { word: text[i]!, kind: null };
}

/** Shouting: at least two all-caps words, or most letters of a longer message uppercase. */
export function cuesOf(raw: string): Cues {
  // Counted by char code: matching would build an array of every letter of the message.
  let upper = 0;
  let letters = 0;
  let bangs = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++, letters++;
    else if (c >= 97 && c <= 122) letters++;
    else if (c === 33 || c === 0xff01) bangs++; // ! and full-width ！
  }
  const capsWords = upper >= 6 ? (raw.match(/\b[A-Z]{3,}\b/g)?.length ?? 0) : 0;
  const caps = capsWords >= 2 || (letters >= 8 && upper / letters >= 0.7);
  const exclaim = bangs >= 3 || (bangs >= 2 && /[!！]{2,}/.test(raw));
  return { caps, exclaim };
}

/** Sum of polarity over the message with negation, intensity and "but" handled. */
export function polarityOf(raw: string, normalized: string): { sum: number; hits: PolarityHit[]; cues: Cues } {
  const hits: PolarityHit[] = [];
  let sum = 0;
  let negatedUntil = -1;
  let intensity = 1;
  let intenseUntil = -1;
  let position = 0; // characters for Chinese, words for English: both only move forward
  const add = (word: string, value: number) => {
    let v = value;
    if (position <= intenseUntil) v *= intensity;
    if (position <= negatedUntil) v *= NEGATION;
    negatedUntil = intenseUntil = -1;
    if (v !== 0) hits.push({ word, value: v }), (sum += v);
  };
  const contrast = () => (sum *= 0.5);

  for (const [piece] of normalized.matchAll(PIECES)) {
    if (/^\p{Script=Han}/u.test(piece)) {
      for (let i = 0; i < piece.length; ) {
        const { word, kind } = longestAt(piece, i);
        position++;
        i += word.length;
        // 好 before a polarity word is "so" (好慢 = very slow), not praise.
        if (word === '好' && longestAt(piece, i).kind === 'polarity') (intensity = 1.5), (intenseUntil = position + ZH_REACH);
        else if (kind === 'polarity') add(word, ZH_POLARITY.get(word)!);
        else if (kind === 'negator') negatedUntil = position + ZH_REACH;
        else if (kind === 'intensifier') (intensity = ZH_INTENSIFIERS.get(word)!), (intenseUntil = position + ZH_REACH);
        else if (kind === 'contrast') contrast();
      }
    } else if (/^[a-z]/.test(piece)) {
      position++;
      if (EN_POLARITY.has(piece)) add(piece, EN_POLARITY.get(piece)!);
      else if (EN_NEGATORS.has(piece) || piece.endsWith("n't")) negatedUntil = position + EN_REACH;
      else if (EN_INTENSIFIERS.has(piece)) (intensity = EN_INTENSIFIERS.get(piece)!), (intenseUntil = position + EN_REACH);
      else if (EN_CONTRAST.has(piece)) contrast();
    } else if (EMOJI_POLARITY.has(piece)) add(piece, EMOJI_POLARITY.get(piece)!);
    else if (!/\p{Extended_Pictographic}/u.test(piece)) negatedUntil = intenseUntil = -1; // punctuation ends the reach
  }
  const cues = cuesOf(raw);
  if (cues.caps) sum *= 1.3;
  if (cues.exclaim) sum *= 1.3;
  return { sum, hits, cues };
}
