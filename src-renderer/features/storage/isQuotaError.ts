/**
 * True for a storage-full error however it arrives: a DOMException named
 * QuotaExceededError, Dexie's mapped error of that name, or either wrapped as the
 * `inner` error of an AbortError or among a BulkError's `failures`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  const nested = [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : [])];
  return nested.some((n) => isQuotaError(n, depth + 1));
}
