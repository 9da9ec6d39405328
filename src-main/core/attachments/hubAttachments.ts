import { z } from 'zod';
import { Attachment, imageProblem, ImageMime, MAX_ATTACHMENT_BYTES } from '../../../src-shared/domain/attachment.js';
import { err, ErrorInfo, ok, type Result } from '../../../src-shared/result.js';

/** Where and as whom: the hub URL and the account's token, which never leaves main. */
export interface HubAccess {
  hubUrl: string;
  accountId: string;
  token: string;
}

export type Fetch = typeof fetch;

const UPLOAD_TIMEOUT_MS = 60_000;
const LOAD_TIMEOUT_MS = 30_000;

const UploadAnswer = z.union([
  z.object({ ok: z.literal(true), attachment: Attachment }),
  z.object({ ok: z.literal(false), error: ErrorInfo }),
]);
const ErrorAnswer = z.object({ ok: z.literal(false), error: ErrorInfo });

const urlOf = (access: HubAccess, attachmentId?: string): string =>
  new URL(`/attachments/${encodeURIComponent(access.accountId)}${attachmentId ? `/${attachmentId}` : ''}`, access.hubUrl).toString();

const headersOf = (access: HubAccess): Record<string, string> => ({ authorization: `Bearer ${access.token}` });

/** A failed exchange as a Result: the hub's own error when it sent one, else what went wrong on the way. */
async function failureOf(response: Response): Promise<Result<never>> {
  const body = ErrorAnswer.safeParse(await response.json().catch(() => null));
  if (body.success) return { ok: false, error: body.data.error };
  return err(response.status === 404 ? 'not-found' : 'internal', `the hub answered ${response.status}`);
}

function networkFailure(error: unknown): Result<never> {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return err('timeout', 'the hub did not answer in time');
  return err('offline', `the hub is unreachable: ${(error as Error)?.message ?? String(error)}`);
}

/** POST /attachments/<accountId>: the hub verifies and stores the bytes (once per content) and names them. */
export async function uploadToHub(fetcher: Fetch, access: HubAccess, image: { bytes: Uint8Array; mime: ImageMime; name: string }): Promise<Result<Attachment>> {
  let response: Response;
  try {
    response = await fetcher(urlOf(access), {
      method: 'POST',
      headers: { ...headersOf(access), 'content-type': image.mime, 'x-attachment-name': encodeURIComponent(image.name) },
      body: new Uint8Array(image.bytes),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    return networkFailure(error);
  }
  if (!response.ok) return failureOf(response);
  const answer = UploadAnswer.safeParse(await response.json().catch(() => null));
  if (!answer.success) return err('internal', 'the hub answered the upload with something unexpected');
  return answer.data.ok ? ok(answer.data.attachment) : { ok: false, error: answer.data.error };
}

/** GET /attachments/<accountId>/<id>: the bytes, checked again here (type, size, magic) before the renderer gets them. */
export async function loadFromHub(fetcher: Fetch, access: HubAccess, attachmentId: string): Promise<Result<{ mime: ImageMime; bytes: Uint8Array }>> {
  let response: Response;
  try {
    response = await fetcher(urlOf(access, attachmentId), { headers: headersOf(access), signal: AbortSignal.timeout(LOAD_TIMEOUT_MS) });
  } catch (error) {
    return networkFailure(error);
  }
  if (!response.ok) return failureOf(response);
  const mime = ImageMime.safeParse(response.headers.get('content-type'));
  if (!mime.success) return err('unsupported-media', 'the hub sent something that is not an image we show');
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_ATTACHMENT_BYTES) return err('unsupported-media', 'the hub sent an image larger than we take');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const problem = imageProblem(bytes, mime.data);
  if (problem) return err('unsupported-media', problem);
  return ok({ mime: mime.data, bytes });
}
