import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../src-shared/bridge/base64.js';
import { err, ok, type CallInput } from '../../../src-shared/index.js';
import { IMAGE_SAMPLES } from '../../../src-shared/domain/imageSamples.js';
import { createImageUrlCache } from './imageUrlCache.js';

function fakeLoad() {
  const asked: string[] = [];
  const missing = new Set<string>();
  const load = async ({ attachmentId }: CallInput<'attachments/load'>) => {
    asked.push(attachmentId);
    if (missing.has(attachmentId)) return err('not-found', 'no such image');
    return ok({ mime: 'image/png' as const, data: IMAGE_SAMPLES['image/png'] });
  };
  return { load, asked, missing };
}

describe('image URL cache', () => {
  it('loads each image once and serves its bytes from a blob: URL', async () => {
    const main = fakeLoad();
    const cache = createImageUrlCache(main.load);
    const [a, b] = await Promise.all([cache.urlOf('shop', 'i1'), cache.urlOf('shop', 'i1')]);
    expect(a).toBe(b);
    expect(a).toMatch(/^blob:/);
    expect(main.asked).toEqual(['i1']);
    const blob = await (await fetch(a)).blob();
    expect(blob.type).toBe('image/png');
    expect(bytesToBase64(new Uint8Array(await blob.arrayBuffer()))).toBe(IMAGE_SAMPLES['image/png']);
  });

  it('keeps the most recently used and forgets failures so a later look tries again', async () => {
    const main = fakeLoad();
    const cache = createImageUrlCache(main.load, 2);
    await cache.urlOf('shop', 'i1');
    await cache.urlOf('shop', 'i2');
    await cache.urlOf('shop', 'i1'); // i1 is now the most recent
    await cache.urlOf('shop', 'i3'); // i2 goes
    await cache.urlOf('shop', 'i1');
    expect(main.asked).toEqual(['i1', 'i2', 'i3']);
    await cache.urlOf('shop', 'i2');
    expect(main.asked).toEqual(['i1', 'i2', 'i3', 'i2']);

    main.missing.add('gone');
    await expect(cache.urlOf('shop', 'gone')).rejects.toMatchObject({ code: 'not-found' });
    main.missing.delete('gone');
    await expect(cache.urlOf('shop', 'gone')).resolves.toMatch(/^blob:/);
  });
});
