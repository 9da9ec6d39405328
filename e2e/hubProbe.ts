import { io } from 'socket.io-client';
import { AGENT_NAMESPACE, HubEvent, parseAccountToken } from '../src-shared/index.js';

/**
 * What the hub itself holds: connects as another person of the account, replays the
 * whole log from seq 0 and returns it. E2E asserts on this, not only on the screen.
 */
export async function hubLog(hubUrl: string, token: string): Promise<HubEvent[]> {
  const accountId = parseAccountToken(token)!.accountId;
  const socket = io(`${hubUrl}${AGENT_NAMESPACE}`, { auth: { accountId, token, cursor: 0 }, reconnection: false, transports: ['websocket'] });
  const events: HubEvent[] = [];
  try {
    return await new Promise<HubEvent[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('hub log: no sync.done in 10 s')), 10_000);
      socket.on('connect_error', (e) => reject(e));
      socket.on('event', (raw: unknown) => events.push(HubEvent.parse(raw)));
      socket.on('sync.done', () => {
        clearTimeout(timer);
        resolve(events);
      });
    });
  } finally {
    socket.close();
  }
}

export const messagesIn = (log: HubEvent[]) =>
  log.flatMap((e) => (e.type === 'message.created' ? [e.data] : []));

/** Writes knowledge-base articles as a lead would, through the hub's own `kb.upsert` command. */
export async function upsertKb(hubUrl: string, leadToken: string, articles: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const accountId = parseAccountToken(leadToken)!.accountId;
  const socket = io(`${hubUrl}${AGENT_NAMESPACE}`, { auth: { accountId, token: leadToken, cursor: 0 }, reconnection: false, transports: ['websocket'] });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.on('connect_error', reject);
      socket.on('sync.done', () => resolve());
    });
    for (const article of articles) {
      const ack = (await socket.emitWithAck('kb.upsert', article)) as { ok: boolean; error?: { message: string } };
      if (!ack.ok) throw new Error(`kb.upsert refused: ${ack.error?.message}`);
    }
  } finally {
    socket.close();
  }
}
