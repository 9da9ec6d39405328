import { z } from 'zod';

/** Ids travel in URLs, socket rooms and IndexedDB keys: keep them boring. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1-64 letters, digits, _ or -');
export type Id = z.infer<typeof Id>;

/** Milliseconds since the epoch. */
export const Timestamp = z.number().int().nonnegative();

/** A client-generated message id: the hub's idempotency key for message.send. */
export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8-64 letters, digits, _ or -');
