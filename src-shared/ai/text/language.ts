import { toSimplifiedChars } from './fold.js';
import { stripHtml } from './normalize.js';

export type Language = 'zh-CN' | 'zh-TW' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'zh-TW', 'en'];

/** Enough of a message to tell its script; the rest cannot change the answer. */
const SAMPLE_CHARS = 600;
const HAN = /\p{Script=Han}/gu;
const LATIN = /[a-z]/gi;

/**
 * zh-CN, zh-TW or en for one message. Traditional-only characters (貨, 發, 們) make
 * it zh-TW; characters common to both scripts say nothing, so a short 你好 stays
 * with `fallback`'s Chinese (zh-CN unless the caller knows better).
 */
export function detectLanguage(text: string, fallback: Language = 'zh-CN'): Language {
  const sample = stripHtml((text ?? '').slice(0, SAMPLE_CHARS)).normalize('NFKC');
  const han = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  if (han === 0) return latin > 0 ? 'en' : fallback;
  // One Han character stands for about two Latin letters of meaning.
  if (latin > han * 4) return 'en';
  const simplified = toSimplifiedChars(sample);
  let traditional = 0;
  if (simplified.length === sample.length) {
    for (let i = 0; i < sample.length; i++) if (sample[i] !== simplified[i]) traditional++;
  } else traditional = simplified === sample ? 0 : 1;
  if (traditional > 0 && traditional / han >= 0.08) return 'zh-TW';
  return fallback === 'zh-TW' && traditional > 0 ? 'zh-TW' : 'zh-CN';
}
