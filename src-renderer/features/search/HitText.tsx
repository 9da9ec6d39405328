import { parseQuery } from '../../db/searchQuery.js';
import { hitRanges, pieces, snippetOf } from './hitRanges.js';

/** A snippet around the first hit; hits as <mark> elements, the rest as text nodes (never HTML). */
export function HitText({ text, query }: { text: string; query: string }) {
  const snippet = snippetOf(text, hitRanges(text, parseQuery(query)));
  return (
    <span className="search-snippet">
      {snippet.before && '…'}
      {pieces(snippet.text, snippet.ranges).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}
      {snippet.after && '…'}
    </span>
  );
}
