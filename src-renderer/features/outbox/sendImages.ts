import { err, ok, type AttachmentRef, type Result, type WorkstationBridge } from '../../../src-shared/index.js';
import { bytesToBase64 } from '../../../src-shared/bridge/base64.js';
import { markImagesUploaded } from '../../db/outbox.js';
import type { OutboxRow, WorkstationDb } from '../../db/schema.js';

/**
 * Uploads a row's images that the hub does not have yet (through main, which holds the
 * token) and remembers their ids in the row, then answers the refs message.send takes.
 * Stops at the first failure: the row stays queued (or fails, for a refusal) as a whole.
 */
export async function uploadRowImages(db: WorkstationDb, bridge: WorkstationBridge, row: OutboxRow): Promise<Result<AttachmentRef[] | undefined>> {
  if (!row.images?.length) return ok(undefined);
  const images = [...row.images];
  for (const [i, image] of images.entries()) {
    if (image.id) continue;
    const uploaded = await bridge.attachments.upload({
      accountId: row.accountId,
      mime: image.mime,
      name: image.name,
      data: bytesToBase64(new Uint8Array(image.bytes)),
    });
    if (!uploaded.ok) return uploaded;
    images[i] = { ...image, id: uploaded.value.id };
    await markImagesUploaded(db, row.clientId, images);
  }
  const refs = images.map((image) => (image.id ? { id: image.id, name: image.name } : null));
  return refs.every((ref) => ref !== null) ? ok(refs as AttachmentRef[]) : err('internal', 'an image has no id after its upload');
}
