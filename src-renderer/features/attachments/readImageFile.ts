import { ImageMime, MAX_ATTACHMENT_BYTES, sanitizeAttachmentName, sniffImageMime } from '../../../src-shared/index.js';
import type { OutboxImage } from '../../db/schema.js';

/** Why a pasted or picked file is not taken; each has words in the locale files (`attachments.refused.<code>`). */
export type ImageRefusal = 'wrong-type' | 'too-large' | 'not-image';

export type ReadImage = { ok: true; image: OutboxImage } | { ok: false; name: string; refusal: ImageRefusal };

/**
 * A file from the clipboard or the picker, checked as the hub will check it (type on the
 * allow-list, size, magic bytes), so a refusal shows before anything is queued.
 */
export async function readImageFile(file: Blob & { name?: string }): Promise<ReadImage> {
  const name = sanitizeAttachmentName(file.name ?? '');
  const mime = ImageMime.safeParse(file.type);
  if (!mime.success) return { ok: false, name, refusal: 'wrong-type' };
  if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, name, refusal: 'too-large' };
  const bytes = await file.arrayBuffer();
  if (sniffImageMime(new Uint8Array(bytes)) !== mime.data) return { ok: false, name, refusal: 'not-image' };
  return { ok: true, image: { name, mime: mime.data, bytes } };
}

/** The image files among what was pasted (screenshots arrive as files named image.png). */
export const imageFilesOf = (data: DataTransfer | null): File[] =>
  data ? [...data.files].filter((file) => file.type.startsWith('image/')) : [];
