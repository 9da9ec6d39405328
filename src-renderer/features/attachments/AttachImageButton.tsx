import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_MIME_TYPES } from '../../../src-shared/index.js';

/** The file picker for images (the other way in is pasting). Only the types the hub takes are offered. */
export function AttachImageButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="attach-image" data-testid="attach-image" disabled={disabled} onClick={() => input.current?.click()}>
        {t('attachments.attach')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={IMAGE_MIME_TYPES.join(',')}
        data-testid="attach-image-input"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </>
  );
}
