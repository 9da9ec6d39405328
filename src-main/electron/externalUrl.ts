/**
 * A URL we may hand to the OS browser: http or https only, parsed (never matched
 * by prefix), no credentials in it. Anything else (file:, javascript:, custom
 * schemes that launch programs) is refused.
 */
export function externalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.href;
}
