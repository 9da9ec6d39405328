import { toSimplified } from './fold.js';

/** Past this, a message is not a question any more: cap the work, not the caller. */
export const MAX_TEXT_CHARS = 4000;

const HAN = /\p{Script=Han}/u;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Messages may arrive as e-mail HTML: keep the words, drop scripts, styles and tags. */
export function stripHtml(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  return text
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]{0,2000}>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, code: string) => {
      if (code[0] !== '#') return ENTITIES[code.toLowerCase()] ?? whole;
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
    });
}

// Shop vocabulary written several ways; one spelling keeps the index small and the matches exact.
const SPELLINGS: Array<[RegExp, string]> = [
  [/双十一|双11/g, '双11'],
  [/双十二|双12/g, '双12'],
  [/六一八/g, '618'],
];

/**
 * The one form every index and query is compared in: capped, HTML-free, NFKC
 * (full-width ＡＢＣ１２３！ → ABC123!), lowercase, Simplified.
 */
export function normalizeText(raw: string): string {
  const capped = raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw;
  let text = stripHtml(capped).normalize('NFKC').toLowerCase();
  // OpenCC walks a dictionary trie over every character, and the spellings are all
  // Chinese: only text with Han needs either.
  if (!HAN.test(text)) return text;
  text = toSimplified(text);
  for (const [pattern, spelling] of SPELLINGS) text = text.replace(pattern, spelling);
  return text;
}
