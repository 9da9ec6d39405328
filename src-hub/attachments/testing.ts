import { IMAGE_SAMPLES } from '../../src-shared/domain/imageSamples.js';

export const sampleBytes = (mime: keyof typeof IMAGE_SAMPLES): Buffer => Buffer.from(IMAGE_SAMPLES[mime], 'base64');

/** Who uploads: an agent token, a visitor id, or nobody. */
export type Uploader = { token: string } | { visitorId: string } | null;

const headersOf = (who: Uploader): Record<string, string> =>
  who === null ? {} : 'token' in who ? { authorization: `Bearer ${who.token}` } : { 'x-visitor-id': who.visitorId };

/** POST /attachments/<accountId> the way main (or the widget) does it. */
export async function uploadImage(hubUrl: string, accountId: string, who: Uploader, body: Uint8Array, mime: string, name = 'shot.png') {
  const response = await fetch(`${hubUrl}/attachments/${accountId}`, {
    method: 'POST',
    headers: { ...headersOf(who), 'content-type': mime, 'x-attachment-name': encodeURIComponent(name) },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}

export const fetchImage = (hubUrl: string, accountId: string, id: string, who: Uploader) =>
  fetch(`${hubUrl}/attachments/${accountId}/${id}`, { headers: headersOf(who) });
