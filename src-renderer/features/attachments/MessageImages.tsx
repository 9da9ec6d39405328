import { useCallback, useState } from 'react';
import './attachments.css';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../src-shared/index.js';
import { ImageViewer } from './ImageViewer.js';
import { useAttachmentUrl } from './useAttachmentUrl.js';

/** A message's images as thumbnails; a click opens one large. */
export function MessageImages({ accountId, attachments }: { accountId: string; attachments: readonly Attachment[] }) {
  const [open, setOpen] = useState<{ url: string; name: string } | null>(null);
  const close = useCallback(() => setOpen(null), []);
  return (
    <>
      <ul className="message-images">
        {attachments.map((attachment, i) => (
          <Thumbnail key={`${i}-${attachment.id}`} accountId={accountId} attachment={attachment} onOpen={setOpen} />
        ))}
      </ul>
      {open && <ImageViewer url={open.url} name={open.name} onClose={close} />}
    </>
  );
}

function Thumbnail({ accountId, attachment, onOpen }: { accountId: string; attachment: Attachment; onOpen: (image: { url: string; name: string }) => void }) {
  const { t } = useTranslation();
  const image = useAttachmentUrl(accountId, attachment.id);
  if (image.state !== 'ready') {
    return (
      <li className={`message-image message-image-${image.state}`} data-testid="message-image-placeholder" title={attachment.name}>
        {image.state === 'loading' ? t('attachments.loading') : t('attachments.loadFailed')}
      </li>
    );
  }
  return (
    <li className="message-image">
      <button type="button" aria-label={t('attachments.open', { name: attachment.name })} onClick={() => onOpen({ url: image.url, name: attachment.name })}>
        <img src={image.url} alt={attachment.name} data-testid="message-image" width={attachment.width} height={attachment.height} />
      </button>
    </li>
  );
}
