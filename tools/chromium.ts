/**
 * Debian's Chromium, never a downloaded browser, for e2e and benchmarks alike.
 * Without the networking flags Chromium tries Google's hosts at start, which this
 * network refuses; the sandbox flag is needed when running as root.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
