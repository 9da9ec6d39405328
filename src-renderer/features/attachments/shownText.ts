import { imageOnlyText } from '../../../src-shared/index.js';

/** The text a bubble shows: none for a message that is only images (its text just names them for text-only places). */
export const shownText = (text: string, imageNames: readonly string[] | undefined): string | null =>
  imageNames?.length && text === imageOnlyText(imageNames) ? null : text;
