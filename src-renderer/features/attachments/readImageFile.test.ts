import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../src-shared/bridge/base64.js';
import { IMAGE_SAMPLES, SVG_WITH_SCRIPT } from '../../../src-shared/domain/imageSamples.js';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/index.js';
import { readImageFile } from './readImageFile.js';

const fileOf = (bytes: Uint8Array | string, type: string, name = 'x') => Object.assign(new Blob([bytes as BlobPart], { type }), { name });

describe('readImageFile', () => {
  it.each(Object.entries(IMAGE_SAMPLES))('takes a real %s with its bytes and a clean name', async (mime, base64) => {
    const bytes = base64ToBytes(base64);
    const read = await readImageFile(fileOf(bytes, mime, 'C:\\shots\\a\u202e.png'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.image).toMatchObject({ name: 'a.png', mime });
    expect([...new Uint8Array(read.image.bytes)]).toEqual([...bytes]);
  });

  it.each([
    ['an svg', fileOf(SVG_WITH_SCRIPT, 'image/svg+xml'), 'wrong-type'],
    ['a pdf', fileOf('%PDF-1.4', 'application/pdf'), 'wrong-type'],
    ['an svg posing as png', fileOf(SVG_WITH_SCRIPT, 'image/png'), 'not-image'],
    ['png bytes labelled jpeg', fileOf(base64ToBytes(IMAGE_SAMPLES['image/png']), 'image/jpeg'), 'not-image'],
    ['one byte over 5 MB', fileOf(new Uint8Array(MAX_ATTACHMENT_BYTES + 1), 'image/png'), 'too-large'],
  ])('refuses %s', async (_, file, refusal) => {
    expect(await readImageFile(file)).toMatchObject({ ok: false, refusal });
  });
});
