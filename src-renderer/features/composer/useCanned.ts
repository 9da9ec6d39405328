import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { KbArticle } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { kbOf } from '../../db/kb.js';

/** `/` at the start of the reply box opens the account's canned replies, filtered by what follows. */
export function useCanned(accountId: string, text: string) {
  const { db } = useServices();
  const open = text.startsWith('/');
  const query = open ? text.slice(1).trim().toLowerCase() : '';
  const all = useLiveQuery(() => kbOf(db, accountId, 'canned'), [db, accountId]) ?? [];
  const items: KbArticle[] = open ? all.filter((c) => !query || `${c.title} ${c.body}`.toLowerCase().includes(query)) : [];
  const [active, setActive] = useState(0);
  const index = Math.min(active, Math.max(0, items.length - 1));
  return {
    open,
    query,
    items,
    active: index,
    move: (step: number) => setActive(items.length === 0 ? 0 : (index + step + items.length) % items.length),
    picked: () => items[index] ?? null,
  };
}
