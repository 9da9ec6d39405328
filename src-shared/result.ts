import { z } from 'zod';

/**
 * Errors cross every boundary (hub acks, IPC, web-host bridge) as values with a
 * closed set of codes, so the UI can translate each one instead of showing a
 * raw exception string.
 */
export const ErrorCode = z.enum([
  'validation',
  'unknown-call',
  'not-found',
  'unauthorized',
  'forbidden',
  'conflict',
  'offline',
  'timeout',
  'duplicate-account',
  'rate-limited',
  'internal',
  /** An image this channel or this hub does not take (type, size, or a text-only channel). */
  'unsupported-media',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorInfo = z.object({
  code: ErrorCode,
  message: z.string().max(2000),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Schema for a Result whose value matches `value`. */
export const resultOf = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ErrorInfo }),
  ]);

/** One line naming the first failing field, e.g. `data.text: Too big`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
