import type { Session } from 'electron';

/**
 * The app's own pages may load and talk only to themselves: the hub is reached by
 * main, never by the page. (The renderer should carry the same policy in a
 * <meta http-equiv> tag too, as a second line for file:// loads.)
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the CSP (and nosniff) to every response for our file:// pages. */
export function installCsp(session: Session): void {
  session.webRequest.onHeadersReceived({ urls: ['file://*/*'] }, (details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [APP_CSP],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}
