import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import type { OutboxImage } from '../../db/schema.js';
import { readImageFile } from './readImageFile.js';

export interface PendingImage extends OutboxImage {
  key: number;
  /** A local `blob:` URL for the thumbnail, revoked when the image leaves the composer. */
  url: string;
}

/** The images waiting in the composer until the reply is queued: checked on arrival, shown as thumbnails. */
export function useComposerImages() {
  const { t } = useTranslation();
  const { inbox } = useServices();
  const [images, setImages] = useState<PendingImage[]>([]);
  const nextKey = useRef(0);
  const live = useRef(images);
  live.current = images;
  useEffect(() => () => live.current.forEach((image) => URL.revokeObjectURL(image.url)), []);

  const add = async (files: ReadonlyArray<Blob & { name?: string }>) => {
    for (const file of files) {
      if (live.current.length >= MAX_ATTACHMENTS_PER_MESSAGE) {
        return inbox.getState().notify(t('attachments.tooMany', { count: MAX_ATTACHMENTS_PER_MESSAGE }), true);
      }
      const read = await readImageFile(file);
      if (!read.ok) {
        inbox.getState().notify(t(`attachments.refused.${read.refusal}`, { name: read.name }), true);
        continue;
      }
      const url = URL.createObjectURL(new Blob([read.image.bytes], { type: read.image.mime }));
      const image = { ...read.image, key: nextKey.current++, url };
      live.current = [...live.current, image];
      setImages(live.current);
    }
  };
  const remove = (key: number) => {
    const gone = live.current.find((image) => image.key === key);
    if (gone) URL.revokeObjectURL(gone.url);
    live.current = live.current.filter((image) => image.key !== key);
    setImages(live.current);
  };
  /** The reply was queued: the outbox owns the bytes now. */
  const clear = () => {
    live.current.forEach((image) => URL.revokeObjectURL(image.url));
    live.current = [];
    setImages([]);
  };
  const forOutbox = (): OutboxImage[] => images.map(({ name, mime, bytes }) => ({ name, mime, bytes }));
  return { images, add, remove, clear, forOutbox };
}
