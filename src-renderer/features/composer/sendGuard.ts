import type { Message } from '../../../src-shared/index.js';

/** Someone other than me spoke: the customer, a teammate, the bot. My own replies and notes don't count. */
export const fromOthers = (m: Message, myId: string | null) => !(m.author.kind === 'agent' && m.author.id === myId);

/** The newest message time the agent had in front of them (hub clock, like every createdAt). */
export const latestAt = (messages: readonly Message[]) => messages.reduce((max, m) => Math.max(max, m.createdAt), 0);

/** Messages by others that arrived after the agent started typing. */
export const arrivedSince = (messages: readonly Message[], since: number, myId: string | null) =>
  messages.filter((m) => m.createdAt > since && fromOthers(m, myId));
