import type { Attachment, AttachmentRef } from '../../src-shared/domain/attachment.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import type { Queryable } from '../store/database.js';
import { findAttachments, type StoredImage } from '../store/attachments.js';

export const toAttachment = (stored: StoredImage, name: string): Attachment => ({
  id: stored.id,
  kind: 'image',
  mime: stored.mime,
  size: stored.size,
  ...(stored.width !== null ? { width: stored.width } : {}),
  ...(stored.height !== null ? { height: stored.height } : {}),
  name,
});

/**
 * The images a sender names, as a message carries them: type, size and dimensions come
 * from the hub's own store (what it verified), only the name from the sender. Every id
 * must be an image uploaded to this account; none: no attachments at all.
 */
export async function resolveAttachments(db: Queryable, accountId: string, refs: readonly AttachmentRef[] | undefined): Promise<Result<Attachment[] | undefined>> {
  if (!refs || refs.length === 0) return ok(undefined);
  const stored = new Map((await findAttachments(db, accountId, refs.map((ref) => ref.id))).map((image) => [image.id, image]));
  const missing = refs.find((ref) => !stored.has(ref.id));
  if (missing) return err('not-found', `no uploaded image ${missing.id.slice(0, 12)}… on this account: upload it first`);
  return ok(refs.map((ref) => toAttachment(stored.get(ref.id)!, ref.name)));
}
