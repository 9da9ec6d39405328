import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: far beyond guessing, so the stored hash needs no slow KDF. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Short random ids for tokens, conversations and messages. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('base64url')}`;

/**
 * A plain sha256 is enough because the secret is high-entropy random, not a
 * password a person chose: there is no dictionary to run against a leaked hash.
 */
export const hashSecret = (secret: string): Uint8Array => createHash('sha256').update(secret, 'utf8').digest();

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const candidate = hashSecret(secret);
  return candidate.length === storedHash.length && timingSafeEqual(candidate, storedHash);
}
