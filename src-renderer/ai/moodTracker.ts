import type { HubEvent } from '../../src-shared/index.js';
import type { WorkstationDb } from '../db/schema.js';
import { latestMessages } from '../db/conversations.js';
import type { AiClient } from './aiClient.js';

/** Customer turns the roll-up looks at (its own window is 5; two more for "asked again"). */
const TURNS = 7;

/**
 * After a batch is stored: re-scores each conversation that got a customer message
 * (its recent customer turns, in the worker) and stores the mood on the conversation,
 * where the inbox row shows the flag and says why.
 */
export async function trackMood(db: WorkstationDb, ai: AiClient, events: readonly HubEvent[]): Promise<string[]> {
  const touched = new Set(events.flatMap((e) => (e.type === 'message.created' && e.data.author.kind === 'customer' ? [e.data.conversationId] : [])));
  /** The conversations whose flag this batch raised (leads are notified of these). */
  const raised: string[] = [];
  for (const conversationId of touched) {
    const turns = (await latestMessages(db, conversationId, 40)).filter((m) => m.author.kind === 'customer').slice(-TURNS);
    if (turns.length === 0) continue;
    const { scores, mood } = await ai.mood(turns.map((m) => m.text));
    const last = scores.at(-1)!;
    const before = await db.conversations.get(conversationId);
    if (mood.flag && before && !before.mood?.flag) raised.push(conversationId);
    await db.conversations.update(conversationId, { mood: { flag: mood.flag, why: mood.why.slice(0, 6), label: last.label, score: last.score } });
  }
  return raised;
}
