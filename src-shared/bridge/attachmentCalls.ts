import { z } from 'zod';
import { Attachment, AttachmentId, AttachmentName, ImageMime, MAX_ATTACHMENT_BYTES } from '../domain/attachment.js';
import { Id } from '../domain/ids.js';

/**
 * Image bytes across the bridge travel as base64: the web host's bridge is JSON over a
 * WebSocket and Electron's IPC takes the same value, so one contract serves both.
 */
export const MAX_BASE64_LENGTH = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
export const ImageBase64 = z
  .string()
  .min(4)
  .max(MAX_BASE64_LENGTH, `the image is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

/** The renderer hands main an image; main uploads it with the account's token (which the renderer never sees). */
export const UploadAttachmentInput = z.object({ accountId: Id, mime: ImageMime, name: AttachmentName, data: ImageBase64 });

/** The renderer asks main for a stored image's bytes (main fetches them with the token) to show as an object URL. */
export const LoadAttachmentInput = z.object({ accountId: Id, attachmentId: AttachmentId });
export const LoadedAttachment = z.object({ mime: ImageMime, data: ImageBase64 });

export const AttachmentCalls = {
  'attachments/upload': { input: UploadAttachmentInput, output: Attachment },
  'attachments/load': { input: LoadAttachmentInput, output: LoadedAttachment },
} as const;
