import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trustedSender.js';

const index = '/opt/app/dist-renderer/index.html';
const ours = pathToFileURL(index).href;

describe('isTrustedSender', () => {
  it.each([
    ['our index', ours, true, true],
    ['our index with an app route in the hash', `${ours}#/inbox/c1`, true, true],
    ['our index, but a sub-frame', ours, false, false],
    ['another local file', pathToFileURL('/opt/app/dist-renderer/other.html').href, true, false],
    ['a path that only starts like ours', `${ours}.evil.html`, true, false],
    ['a remote page', 'https://evil.example/dist-renderer/index.html', true, false],
    ['a file URL on another host', 'file://evil/opt/app/dist-renderer/index.html', true, false],
    ['garbage', 'not a url', true, false],
  ])('%s → %s', (_name, url, isMainFrame, expected) => {
    expect(isTrustedSender({ url }, isMainFrame, index)).toBe(expected);
  });

  it('refuses a call whose frame is gone', () => {
    expect(isTrustedSender(null, true, index)).toBe(false);
  });
});
