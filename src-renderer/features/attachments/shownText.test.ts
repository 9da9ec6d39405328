import { describe, expect, it } from 'vitest';
import { imageOnlyText } from '../../../src-shared/index.js';
import { shownText } from './shownText.js';

describe('shownText', () => {
  it.each([
    ['a plain message', 'hello', undefined, 'hello'],
    ['only images', imageOnlyText(['a.png', 'b.gif']), ['a.png', 'b.gif'], null],
    ['images with words', '请看图', ['a.png'], '请看图'],
    // A customer typing the placeholder by hand without an image keeps their words.
    ['the placeholder typed without images', imageOnlyText(['a.png']), undefined, imageOnlyText(['a.png'])],
  ])('%s', (_, text, names, shown) => {
    expect(shownText(text, names)).toBe(shown);
  });
});
