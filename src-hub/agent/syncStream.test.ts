import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/hub/events.js';
import type { AgentIdentity } from '../auth/authenticateAgent.js';
import { createEventBus } from '../events/eventBus.js';
import { REPLAY_PAGE, startSyncStream, type EventLogReader } from './syncStream.js';

const ACCOUNT = 'shop-a';
const identity = (cursor: number, frames: AgentIdentity['frames'] = 'single'): AgentIdentity => ({
  account: { id: ACCOUNT, name: 'Shop A', channel: 'webchat' },
  person: { id: 'alice', name: 'Alice', role: 'agent' },
  tokenId: 't_1',
  cursor,
  frames,
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

describe('startSyncStream with batched frames', () => {
  /** The moment the publishing code has finished (a microtask in the hub), run when the test says. */
  function turns() {
    const pending: Array<() => void> = [];
    return {
      defer: (task: () => void) => void pending.push(task),
      end: () => pending.splice(0).forEach((task) => task()),
    };
  }
  const framesOf = (sent: Array<{ name: string; payload: any }>) =>
    sent.map((s) => (s.name === 'events' ? (s.payload.events as HubEvent[]).map((e) => e.seq) : s.name));

  it('sends the replay in frames of at most a page, in order, all before sync.done', async () => {
    const race = racingLog(REPLAY_PAGE + 3, () => {});
    const { sent, socket } = recordingSocket();
    const turn = turns();
    await startSyncStream({ log: race.reader, bus: race.bus, defer: turn.defer }, socket, identity(1, 'batched'));
    const all = Array.from({ length: REPLAY_PAGE + 2 }, (_, i) => i + 2);
    expect(framesOf(sent)).toEqual(['session.opened', all.slice(0, REPLAY_PAGE), all.slice(REPLAY_PAGE), 'sync.done']);
    expect(sent.some((s) => s.name === 'event')).toBe(false);
  });

  it('holds live events until the publishing code has finished and sends them as one frame; the next commit makes the next frame', async () => {
    const race = racingLog(0, () => {});
    const { sent, socket } = recordingSocket();
    const turn = turns();
    await startSyncStream({ log: race.reader, bus: race.bus, defer: turn.defer }, socket, identity(0, 'batched'));
    race.commit(3);
    expect(framesOf(sent)).toEqual(['session.opened', 'sync.done']);
    turn.end();
    race.commit(1);
    turn.end();
    turn.end();
    expect(framesOf(sent)).toEqual(['session.opened', 'sync.done', [1, 2, 3], [4]]);
  });

  it('events committed during the replay come once, after sync.done, in order', async () => {
    const race = racingLog(3, (_log, call) => call === 1 && race.commit(4));
    const { sent, socket } = recordingSocket();
    const turn = turns();
    await startSyncStream({ log: race.reader, bus: race.bus, defer: turn.defer }, socket, identity(0, 'batched'));
    turn.end();
    expect(framesOf(sent)).toEqual(['session.opened', [1, 2, 3], 'sync.done', [4, 5, 6, 7]]);
  });

  it('leaves out what the role may not see, in frames as in single events', async () => {
    const { bus, reader } = racingLog(0, () => {});
    const { sent, socket } = recordingSocket();
    const turn = turns();
    await startSyncStream({ log: reader, bus, defer: turn.defer }, socket, identity(0, 'batched'));
    bus.publish(ACCOUNT, presence(1));
    bus.publish(ACCOUNT, { seq: 2, type: 'audit.entry', at: 2, data: {} } as unknown as HubEvent);
    bus.publish(ACCOUNT, presence(3));
    turn.end();
    expect(framesOf(sent).at(-1)).toEqual([1, 3]);
  });
});
