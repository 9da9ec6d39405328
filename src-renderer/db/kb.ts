import type { KbArticle } from '../../src-shared/index.js';
import type { WorkstationDb } from './schema.js';

/** An account's KB articles or canned replies (one index range). */
export const kbOf = (db: WorkstationDb, accountId: string, kind: KbArticle['kind']) =>
  db.kb.where('[accountId+kind]').equals([accountId, kind]).toArray();
