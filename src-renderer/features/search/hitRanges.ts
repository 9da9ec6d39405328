import { foldWithOffsets, runsOf } from '../../db/searchText.js';
import type { ParsedQuery } from '../../db/searchQuery.js';

/** [start, end) in the original text, UTF-16 offsets. */
export type Range = readonly [number, number];

/**
 * Where the query's runs occur in `text`, in the text's own offsets (folding never
 * moves a hit): a CJK run wherever it occurs, a word only as a whole word. Sorted, merged.
 */
export function hitRanges(text: string, query: ParsedQuery): Range[] {
  const { folded, starts, ends } = foldWithOffsets(text);
  const found: [number, number][] = [];
  const words = query.runs.filter((r) => r.kind === 'word').map((r) => r.text);
  for (const run of runsOf(folded)) {
    if (run.kind === 'word' && words.includes(run.text)) found.push([run.at, run.at + run.text.length]);
  }
  for (const run of query.runs.filter((r) => r.kind === 'cjk')) {
    for (let at = folded.indexOf(run.text); at >= 0; at = folded.indexOf(run.text, at + 1)) found.push([at, at + run.text.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of found) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged.map(([a, b]) => [starts[a]!, ends[b - 1]!] as const);
}

export interface Snippet {
  text: string;
  ranges: Range[];
  /** Text was cut before / after the snippet. */
  before: boolean;
  after: boolean;
}

/** A window of about `width` characters around the first hit, with the hits inside it. */
export function snippetOf(text: string, ranges: readonly Range[], width = 80): Snippet {
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(width / 4), text.length - width));
  const end = Math.min(text.length, start + width);
  const inside = ranges.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a - start, b - start] as const);
  return { text: text.slice(start, end), ranges: inside, before: start > 0, after: end < text.length };
}

/** Plain and marked pieces in order (rendered as text nodes and <mark>s, never as HTML). */
export function pieces(text: string, ranges: readonly Range[]): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    if (a > at) out.push({ text: text.slice(at, a), hit: false });
    out.push({ text: text.slice(a, b), hit: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
