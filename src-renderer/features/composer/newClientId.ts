/** The idempotency key of one reply: made once, before the first attempt, reused by every retry. */
export const newClientId = (): string => crypto.randomUUID().replaceAll('-', '');
