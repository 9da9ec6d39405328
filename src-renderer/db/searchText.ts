import { toSimplifiedChars } from '../../src-shared/ai/text/fold.js';

/**
 * The search index's own text folding and terms. Not src-shared/ai/text/tokenize:
 * that one runs Intl.Segmenter, phrase-level OpenCC, stemming and stop words
 * (~19 µs a message in Node, 19 s of CPU per 1 M messages at ingest) and changes the
 * text's length, so a hit could not be mapped back onto the text for highlighting.
 * Here every code point folds on its own (NFKC, lowercase, 繁→简 by character, cached),
 * so documents and queries fold alike and each folded unit knows where it came from.
 */
export const MAX_INDEXED_CHARS = 10_000;
export const MAX_TERM_CHARS = 32;
export const MAX_TERMS = 2_000;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const folds = new Map<string, string>();

function foldCodePoint(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let f = folds.get(ch);
  if (f === undefined) {
    f = ch.normalize('NFKC').toLowerCase();
    if (CJK.test(f)) f = toSimplifiedChars(f);
    folds.set(ch, f);
  }
  return f;
}

/**
 * Builds the 繁→简 converter now (~30 ms on first use): the indexer calls this in an idle
 * turn of its own, so that cost is not added to the first chunk's term work.
 */
export const warmFolding = () => void fold('體');

/** The folded text alone (what the index and the verification compare). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text.length > MAX_INDEXED_CHARS ? text.slice(0, MAX_INDEXED_CHARS) : text) out += foldCodePoint(ch);
  return out;
}

/** The folded text and, per folded UTF-16 unit, the original [start, end) it came from. */
export function foldWithOffsets(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldCodePoint(ch);
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(i + ch.length);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, starts, ends };
}

export type RunKind = 'word' | 'cjk';
export interface Run {
  kind: RunKind;
  text: string;
  /** Offset in the folded text. */
  at: number;
}

const kindOf = (ch: string): RunKind | null => {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) ? 'word' : null;
  return CJK.test(ch) ? 'cjk' : WORD.test(ch) ? 'word' : null;
};

/** Maximal runs of word characters (latin, digits, other scripts) and of CJK characters. */
export function runsOf(folded: string): Run[] {
  const runs: Run[] = [];
  let current = null as Run | null;
  let i = 0;
  for (const ch of folded) {
    const kind = kindOf(ch);
    if (kind && current && current.kind === kind) current.text += ch;
    else if (kind) runs.push((current = { kind, text: ch, at: i }));
    else current = null;
    i += ch.length;
  }
  return runs;
}

/** The terms a run is indexed under: a word as itself (capped), CJK as character bigrams. */
export function termsOfRun(run: Run, out: Set<string>): void {
  if (run.kind === 'word') {
    out.add(run.text.slice(0, MAX_TERM_CHARS));
    return;
  }
  const chars = [...run.text];
  for (let i = 0; i + 1 < chars.length && out.size < MAX_TERMS; i++) out.add(chars[i]! + chars[i + 1]!);
}

/** Index terms of a message text (single CJK characters are not indexed: see parseQuery). */
export function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of runsOf(fold(text))) {
    if (out.size >= MAX_TERMS) break;
    termsOfRun(run, out);
  }
  return out;
}
