import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../src-shared/index.js';
import { isTransient } from '../../app/retryLoop.js';
import { useServices } from '../../app/services.js';
import { imageUrlCacheOf } from './imageUrlCache.js';

export type ImageState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; error: ErrorInfo };

/** A failed load that may work later (offline, timeout) is tried again this often while shown. */
const RETRY_MS = 4_000;

/** A stored image as a `blob:` URL, loaded through main on first sight and cached. */
export function useAttachmentUrl(accountId: string, attachmentId: string): ImageState {
  const { bridge } = useServices();
  const [image, setImage] = useState<ImageState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    imageUrlCacheOf(bridge)
      .urlOf(accountId, attachmentId)
      .then(
        (url) => current && setImage({ state: 'ready', url }),
        (error: ErrorInfo) => {
          if (!current) return;
          setImage({ state: 'failed', error });
          if (isTransient(error.code)) retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
        },
      );
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [bridge, accountId, attachmentId, attempt]);
  return image;
}
