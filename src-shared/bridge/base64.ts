/**
 * Base64 without Buffer or atob (this layer has neither): the renderer turns image bytes
 * into the bridge's base64 and back with these. Plain loops, linear in the size.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((char, value) => [char.charCodeAt(0), value]));

export function bytesToBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
    const missing = i + 3 - bytes.length;
    out.push(missing > 0 ? chars.slice(0, 4 - missing) + '='.repeat(missing) : chars);
  }
  return out.join('');
}

/** Throws on a character outside the alphabet: the bridge schema has already refused those. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const digit = VALUES.get(clean.charCodeAt(i));
    if (digit === undefined) throw new Error(`not base64 at ${i}`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}

/** ASCII text as bytes, one per char (signatures and samples; not a UTF-8 encoder). */
export const asciiBytes = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
