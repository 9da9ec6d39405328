import type { WorkstationDb } from './schema.js';
import { termsOf } from './searchText.js';

/**
 * The index as it must be once the backlog is empty: for every term, exactly the
 * cached messages that contain it, each once; and each message in exactly one chunk.
 * Returns the differences (empty when exact), so a test failure says what is wrong.
 */
export async function indexDifferences(db: WorkstationDb): Promise<string[]> {
  const expected = new Map<string, string[]>();
  for (const m of await db.messages.toArray()) for (const term of termsOf(m.text)) expected.set(term, [...(expected.get(term) ?? []), m.id]);
  const actual = new Map<string, string[]>();
  for (const row of await db.searchPostings.toArray()) actual.set(row.term, [...(actual.get(row.term) ?? []), ...row.ids]);
  const out: string[] = [];
  for (const term of new Set([...expected.keys(), ...actual.keys()])) {
    const want = (expected.get(term) ?? []).sort().join(',');
    const got = (actual.get(term) ?? []).sort().join(',');
    if (want !== got) out.push(`${term}: want [${want}] got [${got}]`);
  }
  const inChunks = (await db.searchChunks.toArray()).flatMap((c) => c.ids).sort();
  const messages = (await db.messages.toCollection().primaryKeys()).sort();
  if (inChunks.join(',') !== messages.join(',')) out.push(`chunks hold [${inChunks.join(',')}], messages are [${messages.join(',')}]`);
  return out;
}
