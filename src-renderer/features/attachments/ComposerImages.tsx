import { useTranslation } from 'react-i18next';
import './attachments.css';
import type { PendingImage } from './useComposerImages.js';

/** Thumbnails of the images about to be sent, each with a way to take it out again. */
export function ComposerImages({ images, onRemove }: { images: PendingImage[]; onRemove: (key: number) => void }) {
  const { t } = useTranslation();
  if (images.length === 0) return null;
  return (
    <ul className="composer-images" data-testid="composer-images">
      {images.map((image) => (
        <li key={image.key} className="composer-image">
          <img src={image.url} alt={image.name} data-testid="composer-image" />
          <button type="button" className="composer-image-remove" aria-label={t('attachments.remove', { name: image.name })} data-testid="composer-image-remove" onClick={() => onRemove(image.key)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
