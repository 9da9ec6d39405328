import { describe, expect, it } from 'vitest';
import { fakeSocketFactory } from '../testing/fakeSocket.js';
import { ACCOUNT, memoryLogger, presence, session, TOKEN } from '../testing/fixtures.js';
import { ManualClock } from '../testing/manualClock.js';
import { ChannelConnection, defaultTuning } from './channelConnection.js';

/** Reconnect timing with a hand-driven clock and an in-memory socket (no network). */
function setup() {
  const clock = new ManualClock();
  const fake = fakeSocketFactory();
  const batches: number[][] = [];
  const connection = new ChannelConnection({
    accountId: ACCOUNT,
    hubUrl: 'http://hub.test',
    token: TOKEN,
    cursor: () => 0,
    socketFactory: fake.factory,
    clock,
    random: () => 0.999,
    log: memoryLogger(),
    tuning: { ...defaultTuning, backoff: { baseMs: 500, capMs: 4_000 }, stableAfterMs: 10_000 },
    onState: () => {},
    onSession: () => {},
    onEvents: (events) => batches.push(events.map((e) => e.seq)),
    onQueueStats: () => {},
  });
  const delay = () => connection.state.retryAt! - clock.now();
  const online = () => {
    const socket = fake.sockets.at(-1)!;
    socket.accept();
    socket.serverEmit('session.opened', session());
    socket.serverEmit('sync.done', { seq: 0 });
  };
  return { clock, fake, connection, delay, online, batches };
}

describe('ChannelConnection reconnect policy', () => {
  it('backs off exponentially up to the cap while the hub is unreachable', () => {
    const { clock, fake, connection, delay } = setup();
    connection.start();
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      fake.sockets.at(-1)!.refuse('xhr poll error');
      expect(connection.state).toMatchObject({ status: 'offline', reason: 'hub-unreachable', detail: 'xhr poll error' });
      delays.push(delay());
      clock.advance(delay());
    }
    expect(delays).toEqual([499, 999, 1998, 3996, 3996, 3996]);
    expect(fake.sockets).toHaveLength(7);
  });

  it('is online only after sync.done, and resets the backoff after a stable connection', () => {
    const { clock, fake, connection, delay, online } = setup();
    connection.start();
    for (let i = 0; i < 3; i += 1) {
      fake.sockets.at(-1)!.refuse('refused');
      clock.advance(delay());
    }
    fake.sockets.at(-1)!.accept();
    fake.sockets.at(-1)!.serverEmit('session.opened', session());
    expect(connection.state.status).toBe('syncing');
    fake.sockets.at(-1)!.serverEmit('sync.done', { seq: 0 });
    expect(connection.state).toMatchObject({ status: 'online', syncedAt: clock.now() });

    clock.advance(1_000); // a short-lived connection keeps the backoff where it was
    fake.sockets.at(-1)!.drop();
    expect(delay()).toBe(3996);
    clock.advance(delay());
    online();
    clock.advance(10_000); // stable: the next drop starts from the base again
    fake.sockets.at(-1)!.drop('io server disconnect');
    expect(connection.state).toMatchObject({ status: 'offline', reason: 'hub-closed' });
    expect(delay()).toBe(499);
  });

  it('delivers pending events before reporting a status change, and stop cancels the retry', () => {
    const { clock, fake, connection, batches } = setup();
    connection.start();
    const socket = fake.sockets[0]!;
    socket.accept();
    socket.serverEmit('event', presence(1));
    socket.serverEmit('event', { seq: 2, type: 'nope' });
    expect(batches).toEqual([]);
    socket.drop();
    expect(batches).toEqual([[1]]);
    connection.stop();
    expect(clock.pending).toBe(0);
    clock.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
    expect(connection.state).toMatchObject({ status: 'offline', retryAt: null });
  });
});
