import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** One image, large, over everything; Escape, the close button or a click outside the image closes it. */
export function ImageViewer({ url, name, onClose }: { url: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    // Capture phase and defaultPrevented: Escape closes the image only, not the conversation behind it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="overlay image-viewer" role="dialog" aria-modal="true" aria-label={name} data-testid="image-viewer" onClick={onClose}>
      <img src={url} alt={name} onClick={(e) => e.stopPropagation()} />
      <button type="button" className="image-viewer-close" data-testid="image-viewer-close" onClick={onClose} autoFocus>
        {t('attachments.close')}
      </button>
    </div>
  );
}
