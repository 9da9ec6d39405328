import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../db/searchQuery.js';
import { hitRanges, pieces, snippetOf } from './hitRanges.js';

const marked = (text: string, query: string) =>
  pieces(text, hitRanges(text, parseQuery(query)))
    .map((p) => (p.hit ? `[${p.text}]` : p.text))
    .join('');

describe('hitRanges', () => {
  it.each([
    ['简体 query, 简体 text', '我的快递到哪了', '快递', '我的[快递]到哪了'],
    ['繁體 query finds 简体 text', '我的快递到哪了', '快遞', '我的[快递]到哪了'],
    ['简体 query finds 繁體 text, in its own characters', '我的快遞到哪了', '快递', '我的[快遞]到哪了'],
    ['case-insensitive, whole words only', 'Parcel parcels PARCEL', 'parcel', '[Parcel] parcels [PARCEL]'],
    ['every term, overlapping hits merged', '退款退货', '退款 款退', '[退款退]货'],
    ['full-width text keeps its own width', 'ＡＢＣ１２３号', 'abc123', '[ＡＢＣ１２３]号'],
    ['after an emoji (surrogate pair)', '😀 refund', 'refund', '😀 [refund]'],
    ['nothing to mark', 'hello', '退款', 'hello'],
  ])('%s', (_name, text, query, expected) => expect(marked(text, query)).toBe(expected));
});

describe('snippetOf', () => {
  it('keeps the hit inside a window and says what was cut', () => {
    const text = `${'a'.repeat(200)} refund ${'b'.repeat(200)}`;
    const s = snippetOf(text, hitRanges(text, parseQuery('refund')), 40);
    expect(s.before && s.after).toBe(true);
    expect(s.text.length).toBe(40);
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(['refund']);
  });

  it('starts at the beginning of a short text', () => {
    expect(snippetOf('短 refund', [[2, 8]], 80)).toEqual({ text: '短 refund', ranges: [[2, 8]], before: false, after: false });
  });
});
