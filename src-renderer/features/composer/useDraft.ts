import { useEffect, useRef, useState } from 'react';
import { createDraftSaver } from './draftSaver.js';
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

  // One saver per conversation (the composer is keyed by it): flushed when it goes away.
  const [saver] = useState(() =>
    createDraftSaver((next) => void (next.trim() ? db.drafts.put({ conversationId, text: next, updatedAt: Date.now() }) : db.drafts.delete(conversationId)), SAVE_DELAY_MS),
  );
  useEffect(() => () => saver.flush(), [saver]);

  const update = (next: string) => {
    touched.current = true;
    setText(next);
    saver.edited(next);
  };
  return [text, update];
}
