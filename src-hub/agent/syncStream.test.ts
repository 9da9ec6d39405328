import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/hub/events.js';
import type { AgentIdentity } from '../auth/authenticateAgent.js';
import { createEventBus } from '../events/eventBus.js';
import { REPLAY_PAGE, startSyncStream, type EventLogReader } from './syncStream.js';

const ACCOUNT = 'shop-a';
const identity = (cursor: number): AgentIdentity => ({
  account: { id: ACCOUNT, name: 'Shop A', channel: 'webchat' },
  person: { id: 'alice', name: 'Alice', role: 'agent' },
  tokenId: 't_1',
  cursor,
});
const presence = (seq: number): HubEvent => ({ seq, type: 'agent.presence', at: seq, data: { personId: 'p', status: 'online' } });

/**
 * An in-memory log whose reads can commit more events "concurrently": the hook
 * runs inside readAfter, before the page is returned, as a commit racing the
 * replay would.
 */
function racingLog(initial: number, duringRead: (log: HubEvent[], call: number) => void) {
  const bus = createEventBus();
  const log: HubEvent[] = Array.from({ length: initial }, (_, i) => presence(i + 1));
  let calls = 0;
  const commit = (count: number) => {
    for (let i = 0; i < count; i++) {
      const event = presence(log.length + 1);
      log.push(event);
      bus.publish(ACCOUNT, event);
    }
  };
  const reader: EventLogReader = {
    headSeq: async () => log.length,
    readAfter: async (_account, after, limit) => {
      const page = log.filter((e) => e.seq > after).slice(0, limit);
      duringRead(log, ++calls);
      return page;
    },
  };
  return { bus, reader, commit };
}

function recordingSocket() {
  const sent: Array<{ name: string; payload: any }> = [];
  return { sent, socket: { disconnected: false, emit: (name: string, payload: unknown) => sent.push({ name, payload }), once: () => {} } };
}

const seqsOf = (sent: Array<{ name: string; payload: any }>) => sent.filter((s) => s.name === 'event').map((s) => s.payload.seq as number);

describe('startSyncStream', () => {
  it('sends session.opened, the events after the cursor, then sync.done', async () => {
    const { bus, reader } = racingLog(5, () => {});
    const { sent, socket } = recordingSocket();
    await startSyncStream({ log: reader, bus }, socket, identity(2));
    expect(sent.map((s) => s.name)).toEqual(['session.opened', 'event', 'event', 'event', 'sync.done']);
    expect(sent[0]!.payload).toMatchObject({ headSeq: 5, person: { role: 'agent' } });
    expect(seqsOf(sent)).toEqual([3, 4, 5]);
    expect(sent.at(-1)!.payload).toEqual({ seq: 5 });
  });

  it('sends events committed during the replay exactly once, in order, after sync.done', async () => {
    // Commits land both before the page is read (in the page and the buffer) and after (buffer only).
    const race = racingLog(3, (_log, call) => call === 1 && race.commit(4));
    const { sent, socket } = recordingSocket();
    await startSyncStream({ log: race.reader, bus: race.bus }, socket, identity(0));
    expect(seqsOf(sent)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    race.commit(1);
    expect(seqsOf(sent)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('pages through a long log without skipping the page boundary', async () => {
    const race = racingLog(REPLAY_PAGE + 3, (_log, call) => call === 1 && race.commit(2));
    const { sent, socket } = recordingSocket();
    await startSyncStream({ log: race.reader, bus: race.bus }, socket, identity(0));
    expect(seqsOf(sent)).toEqual(Array.from({ length: REPLAY_PAGE + 5 }, (_, i) => i + 1));
  });

  it('with a cursor past the head (a reset hub) still delivers new events', async () => {
    const race = racingLog(2, () => {});
    const { sent, socket } = recordingSocket();
    await startSyncStream({ log: race.reader, bus: race.bus }, socket, identity(10));
    race.commit(1);
    expect(seqsOf(sent)).toEqual([3]);
  });
});
