import { z } from 'zod';
import type { Channel } from './account.js';

/**
 * Images that travel with a message. Only raster formats a browser shows safely:
 * SVG is refused everywhere (it is a document that can carry script).
 */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const ImageMime = z.enum(IMAGE_MIME_TYPES);
export type ImageMime = z.infer<typeof ImageMime>;

/** The most one image may weigh; the hub refuses more before storing anything. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** The most images one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 4;
const MAX_NAME_LENGTH = 120;

/** A stored image's id is its SHA-256 in hex: the same bytes are stored once per account. */
export const AttachmentId = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex');

/**
 * A file name as people see it: no path, no control or bidi characters, nothing a
 * header or a file system would read as syntax; never empty.
 */
export function sanitizeAttachmentName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069"<>:*?|;]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return clean.slice(0, MAX_NAME_LENGTH) || 'image';
}

export const AttachmentName = z.string().max(1000).transform(sanitizeAttachmentName);

/** An image as a message carries it: what the hub verified when it stored the bytes. */
export const Attachment = z.object({
  id: AttachmentId,
  kind: z.literal('image'),
  mime: ImageMime,
  size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
  width: z.number().int().positive().max(100_000).optional(),
  height: z.number().int().positive().max(100_000).optional(),
  name: AttachmentName,
});
export type Attachment = z.infer<typeof Attachment>;

/** How a sender names an uploaded image in `message.send`: the hub fills in the rest from its store. */
export const AttachmentRef = z.object({ id: AttachmentId, name: AttachmentName });
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const MessageAttachments = z.array(Attachment).min(1).max(MAX_ATTACHMENTS_PER_MESSAGE);
export const AttachmentRefs = z.array(AttachmentRef).min(1).max(MAX_ATTACHMENTS_PER_MESSAGE);

/** Web chat shows images in the widget, email sends them as MIME parts; platform connectors take text only. */
const IMAGE_CHANNELS: ReadonlySet<Channel> = new Set(['webchat', 'email']);
export const channelTakesImages = (channel: Channel): boolean => IMAGE_CHANNELS.has(channel);

/**
 * The text of a message that is only images: clients that show images hide it,
 * older clients and text-only places (previews, search, mail) read it.
 */
export const imageOnlyText = (names: readonly string[]): string => `[图片 image: ${names.join(', ')}]`.slice(0, 1000);

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes say they are (magic numbers), or null for anything else, SVG included. */
export function sniffImageMime(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Why some bytes cannot be an attachment, in words for a log or an error message; null when they can. */
export function imageProblem(bytes: Uint8Array, claimed: string): string | null {
  if (bytes.length === 0) return 'the image is empty';
  if (bytes.length > MAX_ATTACHMENT_BYTES) return `the image is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`;
  if (!ImageMime.safeParse(claimed).success) return `${claimed.slice(0, 100) || 'this type'} is not an image type we take (PNG, JPEG, GIF, WebP)`;
  const actual = sniffImageMime(bytes);
  if (actual === null) return 'the bytes are not a PNG, JPEG, GIF or WebP image';
  if (actual !== claimed) return `the bytes are ${actual}, not ${claimed}`;
  return null;
}
