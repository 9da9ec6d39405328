import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { imageProblem, type ImageMime } from '../../src-shared/domain/attachment.js';
import { err, ok, type Result } from '../../src-shared/result.js';
import type { Queryable } from '../store/database.js';
import { insertAttachment, type StoredImage } from '../store/attachments.js';

/** Width and height from the image's header, when the header says them (a damaged one may not). */
function dimensionsOf(bytes: Uint8Array): { width: number | null; height: number | null } {
  try {
    const size = imageSize(bytes);
    const sane = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n > 0 && n <= 100_000 ? n : null);
    return { width: sane(size.width), height: sane(size.height) };
  } catch {
    return { width: null, height: null };
  }
}

/**
 * Verifies and stores one image for an account: the claimed type must be one we take
 * and the bytes must say the same (magic numbers), within the size limit. The id is the
 * SHA-256 of the bytes, so the same image uploaded again (a replay) is stored once.
 */
export async function storeImage(
  db: Queryable,
  accountId: string,
  image: { bytes: Uint8Array; claimedMime: string; at: number },
): Promise<Result<StoredImage & { created: boolean }>> {
  const problem = imageProblem(image.bytes, image.claimedMime);
  if (problem) return err('unsupported-media', problem);
  const stored: StoredImage = {
    id: createHash('sha256').update(image.bytes).digest('hex'),
    mime: image.claimedMime as ImageMime,
    size: image.bytes.length,
    ...dimensionsOf(image.bytes),
  };
  const created = await insertAttachment(db, accountId, { ...stored, bytes: image.bytes, at: image.at });
  return ok({ ...stored, created });
}
