import { fold, runsOf, termsOfRun, type Run } from './searchText.js';

/** A parsed query: AND of its runs. */
export interface ParsedQuery {
  runs: Run[];
  /** Index terms (words and CJK bigrams); empty when only single CJK characters were typed. */
  terms: string[];
}

export function parseQuery(raw: string): ParsedQuery {
  const runs = runsOf(fold(raw.slice(0, 200)));
  const terms = new Set<string>();
  for (const run of runs) termsOfRun(run, terms);
  return { runs, terms: [...terms] };
}

/**
 * The exact rule a message must pass (the index only narrows the candidates):
 * every word of the query is a word of the text, every CJK run is in the text.
 */
export function matchesText(text: string, query: ParsedQuery): boolean {
  if (query.runs.length === 0) return false;
  const folded = fold(text);
  let words: Set<string> | null = null;
  for (const run of query.runs) {
    if (run.kind === 'cjk') {
      if (!folded.includes(run.text)) return false;
      continue;
    }
    words ??= new Set(runsOf(folded).filter((r) => r.kind === 'word').map((r) => r.text));
    if (!words.has(run.text)) return false;
  }
  return true;
}
