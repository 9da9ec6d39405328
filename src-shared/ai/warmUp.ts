import { scoreSentiment } from './sentiment/score.js';
import { detectLanguage } from './text/language.js';
import { tokenize } from './text/tokenize.js';

/** One message per path: Traditional and Simplified Chinese, English, HTML with an emoji. */
const SAMPLES = ['請問退貨運費誰出？', '快递太慢了，我要退款！', "Where's my parcel? NOT happy!!", '<p>ok &amp; thanks 😀</p>'];

/**
 * The engine builds some things on first use: OpenCC's converters, Intl.Segmenter's
 * dictionary, the Unicode-property regexes. Without this the first customer message
 * after a start pays for all of them (tens of ms; see bench/aiSuggest); the worker
 * calls this once as it starts, before any message is waiting.
 */
export function warmUp(): void {
  for (const text of SAMPLES) {
    detectLanguage(text);
    tokenize(text);
    scoreSentiment(text, { previous: SAMPLES });
  }
}
