/**
 * English words for retrieval: a short stop list and a light suffix stemmer.
 * Question words and negations stay: "why was my card declined" and
 * "card not working" need them.
 */
export const ENGLISH_STOP_WORDS = new Set(
  ('a an the and or but if of to in on at by for from with about as into than then so ' +
    'i me my mine we our you your he she it its they them their this that these those ' +
    'is am are was were be been being do does did have has had will would shall should ' +
    'can could may might must just please hi hello thanks thank there here some any also ' +
    "im i'm ive i've id i'd it's that's").split(' '),
);

/** Plural, -ing, -ed, -ly: consistent on both sides is what matters, not linguistics. */
export function stemEnglish(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // "charged"/"charging" → "charg", "charge" → "charge": drop a trailing e too.
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
