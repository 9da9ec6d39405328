import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: far beyond guessing, so the stored hash needs no slow KDF. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

const ID_BYTES = 12;
/** Ids' random bytes are drawn from the CSPRNG this many ids at a time: a call each was 3 % of the batch webhook path. */
const IDS_PER_DRAW = 256;
let idBytes = Buffer.alloc(0);
let idOffset = 0;

/** Short random ids for tokens, conversations and messages. */
export const newId = (prefix: string): string => {
  if (idOffset + ID_BYTES > idBytes.length) {
    idBytes = randomBytes(ID_BYTES * IDS_PER_DRAW);
    idOffset = 0;
  }
  const id = idBytes.toString('base64url', idOffset, idOffset + ID_BYTES);
  idOffset += ID_BYTES;
  return `${prefix}_${id}`;
};

/**
 * A plain sha256 is enough because the secret is high-entropy random, not a
 * password a person chose: there is no dictionary to run against a leaked hash.
 */
export const hashSecret = (secret: string): Uint8Array => createHash('sha256').update(secret, 'utf8').digest();

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const candidate = hashSecret(secret);
  return candidate.length === storedHash.length && timingSafeEqual(candidate, storedHash);
}
