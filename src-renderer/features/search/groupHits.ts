import type { Message } from '../../../src-shared/index.js';

export interface HitGroup {
  conversationId: string;
  /** Newest first; the first is the one shown. */
  messages: Message[];
}

/** Hits by conversation, the conversation with the newest hit first. */
export function groupHits(messages: readonly Message[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const m of messages) {
    const group = groups.get(m.conversationId);
    if (group) group.messages.push(m);
    else groups.set(m.conversationId, { conversationId: m.conversationId, messages: [m] });
  }
  return [...groups.values()];
}
