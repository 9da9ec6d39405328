import { ServerEvents, type HubEvent, type SessionOpened } from '../../src-shared/hub/events.js';
import type { AgentIdentity } from '../auth/authenticateAgent.js';
import type { EventBus } from '../events/eventBus.js';
import { eventSender, type Defer } from './eventSender.js';
import { mayReceive } from './eventVisibility.js';

export const REPLAY_PAGE = 500;

/** The two reads the stream needs from the event log (a port, so the race can be tested deterministically). */
export interface EventLogReader {
  headSeq(accountId: string): Promise<number>;
  readAfter(accountId: string, afterSeq: number, limit: number): Promise<HubEvent[]>;
}

/** The part of a socket.io socket the stream uses. */
export interface SyncTarget {
  readonly disconnected: boolean;
  emit(name: string, payload: unknown): unknown;
  once(name: 'disconnect', listener: () => void): unknown;
}

/**
 * session.opened, then the replay from the cursor, then sync.done, then live.
 * We subscribe before reading the log and hold live events back until the
 * replay is done: an event committed in between is then either in the replay
 * or in the buffer (or both), and sending only seq > last sent leaves no gap
 * and no duplicate. Events the caller's role may not receive (the audit log, for
 * agents) are skipped in both, leaving a gap in the seqs the client tolerates.
 */
export async function startSyncStream(
  deps: { log: EventLogReader; bus: EventBus; defer?: Defer },
  socket: SyncTarget,
  identity: AgentIdentity,
): Promise<void> {
  const accountId = identity.account.id;
  let buffer: HubEvent[] | null = [];
  let lastSent = 0;
  const frames = eventSender(socket, identity.frames, deps.defer);
  const send = (event: HubEvent) => {
    if (event.seq <= lastSent) return;
    // An event this role may not see still moves the position on: the replay pages from it.
    if (mayReceive(identity.person.role, event)) frames.send(event);
    lastSent = event.seq;
  };

  const unsubscribe = deps.bus.subscribe(accountId, (_account, event) => (buffer ? buffer.push(event) : send(event)));
  socket.once('disconnect', unsubscribe);

  const headSeq = await deps.log.headSeq(accountId);
  // A cursor past the head means this log was reset; start from the head so new events still arrive.
  lastSent = Math.min(identity.cursor, headSeq);
  const opened: SessionOpened = { protocol: 1, account: identity.account, person: identity.person, headSeq };
  socket.emit(ServerEvents.session, opened);

  for (;;) {
    if (socket.disconnected) return;
    const page = await deps.log.readAfter(accountId, lastSent, REPLAY_PAGE);
    page.forEach(send);
    if (page.length < REPLAY_PAGE) break;
  }
  frames.flush();
  socket.emit(ServerEvents.syncDone, { seq: lastSent });

  const held = buffer;
  buffer = null;
  held.forEach(send);
}
