import { Converter } from 'opencc-js/t2cn';

/**
 * Traditional → Simplified folding, so a 繁體 question finds a 简体 article and back.
 * The converters cost ~30 ms to build: build each once, on first use, per runtime.
 */
type Convert = (text: string) => string;
let phraseFold: Convert | undefined;
let charFold: Convert | undefined;

/** Taiwan phrases too (軟體→软件, 滑鼠→鼠标): what a zh-TW customer actually types. */
export function toSimplified(text: string): string {
  phraseFold ??= Converter({ from: 'twp', to: 'cn' });
  return phraseFold(text);
}

/** Character-level only: used to count Traditional-only characters, which keeps length. */
export function toSimplifiedChars(text: string): string {
  charFold ??= Converter({ from: 't', to: 'cn' });
  return charFold(text);
}
