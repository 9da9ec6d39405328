import { useRef, useState } from 'react';
import type { WorkstationDb } from '../../db/schema.js';
import { latestMessages, messagesAfter } from '../../db/conversations.js';
import { arrivedSince, latestAt } from './sendGuard.js';

/**
 * Never answer a conversation that has moved on: remembers what the agent had seen
 * when they started typing; a send is held once if others wrote since, and goes
 * through on the second try.
 */
export function useSendGuard(db: WorkstationDb, conversationId: string, myId: string | null) {
  const seenUpTo = useRef<number | null>(null);
  const [held, setHeld] = useState(0);

  return {
    held,
    /** Call on every edit; only the first one after a send (or on an empty box) takes the snapshot. */
    typed(text: string) {
      if (text.trim() === '') seenUpTo.current = null;
      else if (seenUpTo.current === null) {
        seenUpTo.current = Number.MAX_SAFE_INTEGER; // taken below, once
        void latestMessages(db, conversationId, 1).then((messages) => (seenUpTo.current = latestAt(messages)));
      }
    },
    /** True when the send may go now. */
    async allow(): Promise<boolean> {
      if (held > 0) return true;
      const since = seenUpTo.current ?? Number.MAX_SAFE_INTEGER;
      const fresh = since === Number.MAX_SAFE_INTEGER ? [] : arrivedSince(await messagesAfter(db, conversationId, since), since, myId);
      if (fresh.length === 0) return true;
      setHeld(fresh.length);
      return false;
    },
    sent() {
      seenUpTo.current = null;
      setHeld(0);
    },
  };
}
