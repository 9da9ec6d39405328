import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { imageUrlCacheOf } from './imageUrlCache.js';

export type ImageState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; error: ErrorInfo };

/** A stored image as a `blob:` URL, loaded through main on first sight and cached. */
export function useAttachmentUrl(accountId: string, attachmentId: string): ImageState {
  const { bridge } = useServices();
  const [image, setImage] = useState<ImageState>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setImage({ state: 'loading' });
    imageUrlCacheOf(bridge)
      .urlOf(accountId, attachmentId)
      .then(
        (url) => current && setImage({ state: 'ready', url }),
        (error: ErrorInfo) => current && setImage({ state: 'failed', error }),
      );
    return () => {
      current = false;
    };
  }, [bridge, accountId, attachmentId]);
  return image;
}
