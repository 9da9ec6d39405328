import { useEffect, useRef, useState } from 'react';
import type { WorkstationDb } from '../../db/schema.js';

const SAVE_DELAY_MS = 300;

/** The composer's text, saved per conversation so it survives switching and restarts. */
export function useDraft(db: WorkstationDb, conversationId: string): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const touched = useRef(false);

  useEffect(() => {
    let live = true;
    void db.drafts.get(conversationId).then((draft) => {
      // Typing before the draft loaded wins over the stored draft.
      if (live && draft && !touched.current) setText(draft.text);
    });
    return () => {
      live = false;
    };
  }, [db, conversationId]);

  useEffect(() => {
    if (!touched.current) return;
    const timer = setTimeout(() => {
      const save = text.trim() ? db.drafts.put({ conversationId, text, updatedAt: Date.now() }) : db.drafts.delete(conversationId);
      void save;
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [db, conversationId, text]);

  const update = (next: string) => {
    touched.current = true;
    setText(next);
  };
  return [text, update];
}
