import { base64ToBytes } from '../../../src-shared/bridge/base64.js';
import type { ErrorInfo, WorkstationBridge } from '../../../src-shared/index.js';

/** How many stored images stay as object URLs; older ones are revoked (a conversation rarely shows more). */
const MAX_CACHED = 64;

export interface ImageUrlCache {
  /** An object URL for a stored image, fetched once through main (which holds the token). Rejects with the ErrorInfo. */
  urlOf(accountId: string, attachmentId: string): Promise<string>;
  size(): number;
}

/**
 * Images are loaded as bytes over the bridge and shown from `blob:` URLs: no token ever
 * appears in a URL the page sees. Least recently used first out; failures are not kept.
 */
export function createImageUrlCache(load: WorkstationBridge['attachments']['load'], max = MAX_CACHED): ImageUrlCache {
  const urls = new Map<string, Promise<string>>();
  const forget = (key: string) => {
    const url = urls.get(key);
    urls.delete(key);
    void url?.then(URL.revokeObjectURL, () => {});
  };
  return {
    urlOf(accountId, attachmentId) {
      const key = `${accountId}/${attachmentId}`;
      const known = urls.get(key);
      if (known) {
        urls.delete(key);
        urls.set(key, known);
        return known;
      }
      const url = load({ accountId, attachmentId }).then((result) => {
        if (!result.ok) throw result.error satisfies ErrorInfo;
        const bytes = base64ToBytes(result.value.data);
        return URL.createObjectURL(new Blob([bytes as BlobPart], { type: result.value.mime }));
      });
      urls.set(key, url);
      url.catch(() => urls.get(key) === url && urls.delete(key));
      while (urls.size > max) forget(urls.keys().next().value!);
      return url;
    },
    size: () => urls.size,
  };
}

const caches = new WeakMap<WorkstationBridge, ImageUrlCache>();
/** One cache per bridge (per app), made on first use. */
export function imageUrlCacheOf(bridge: WorkstationBridge): ImageUrlCache {
  let cache = caches.get(bridge);
  if (!cache) caches.set(bridge, (cache = createImageUrlCache(bridge.attachments.load)));
  return cache;
}
