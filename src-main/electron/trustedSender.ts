import { fileURLToPath } from 'node:url';

/** The frame a bridge call came from, as far as the check needs it. */
export interface SenderFrame {
  url: string;
}

/**
 * A call is ours only if it comes from the main frame of our window (`isMainFrame`)
 * showing our renderer's index.html over file:// (the hash and query are app state).
 */
export function isTrustedSender(frame: SenderFrame | null, isMainFrame: boolean, rendererIndexPath: string): boolean {
  if (!frame || !isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  if (url.protocol !== 'file:' || url.host !== '') return false;
  try {
    return fileURLToPath(url) === rendererIndexPath;
  } catch {
    return false;
  }
}
