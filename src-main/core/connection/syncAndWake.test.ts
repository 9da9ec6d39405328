import { describe, expect, it } from 'vitest';
import { fakeSocketFactory } from '../testing/fakeSocket.js';
import { ACCOUNT, memoryLogger, presence, session, TOKEN } from '../testing/fixtures.js';
import { ManualClock } from '../testing/manualClock.js';
import { ChannelConnection, defaultTuning } from './channelConnection.js';
import type { ConnectionState } from './connectionState.js';

/** The syncing status, "up to date as of", and connecting now (wake, network back, retry). */
function setup(cursor = 0) {
  const clock = new ManualClock();
  const fake = fakeSocketFactory();
  const states: ConnectionState[] = [];
  const batches: number[][] = [];
  const connection = new ChannelConnection({
    accountId: ACCOUNT,
    hubUrl: 'http://hub.test',
    token: TOKEN,
    cursor: () => cursor,
    socketFactory: fake.factory,
    clock,
    random: () => 0.999,
    log: memoryLogger(),
    tuning: { ...defaultTuning, backoff: { baseMs: 500, capMs: 4_000 }, maxBatch: 500 },
    onState: (state) => states.push(state),
    onSession: () => {},
    onEvents: (events) => batches.push(events.map((e) => e.seq)),
    onQueueStats: () => {},
  });
  const socket = () => fake.sockets.at(-1)!;
  const online = (headSeq = cursor) => {
    socket().accept();
    socket().serverEmit('session.opened', { ...session(), headSeq });
    socket().serverEmit('sync.done', { seq: headSeq });
  };
  return { clock, fake, connection, states, batches, socket, online };
}

describe('syncing', () => {
  it('reports the missed events from session.opened and counts them down batch by batch', () => {
    const { clock, connection, socket, states, batches } = setup(10);
    connection.start();
    socket().accept();
    expect(connection.state).toMatchObject({ status: 'connecting', missed: null });
    socket().serverEmit('session.opened', { ...session(), headSeq: 1_244 });
    expect(connection.state).toMatchObject({ status: 'syncing', missed: 1_234 });
    void connection.command('conversation.claim', { conversationId: 'c1' }); // commands go out while syncing
    expect(socket().emitted.map((e) => e.event)).toContain('conversation.claim');
    for (let seq = 11; seq <= 510; seq += 1) socket().serverEmit('event', presence(seq));
    expect(batches).toHaveLength(1); // a full batch goes at once
    expect(connection.state).toMatchObject({ status: 'syncing', missed: 734 });
    socket().serverEmit('event', presence(511));
    socket().serverEmit('sync.done', { seq: 1_244 });
    expect(batches.at(-1)).toEqual([511]);
    expect(connection.state).toMatchObject({ status: 'online', missed: null, syncedAt: clock.now() });
    expect(states.map((s) => s.missed).filter((m) => m !== null)).toEqual([1_234, 734, 733]);
  });

  it('says 0 missed when the cursor is at or past the head (a reset hub)', () => {
    const { connection, socket } = setup(50);
    connection.start();
    socket().accept();
    socket().serverEmit('session.opened', { ...session(), headSeq: 20 });
    expect(connection.state).toMatchObject({ status: 'syncing', missed: 0 });
  });

  it('moves syncedAt with live events while online, at most once a second', () => {
    const { clock, connection, online, socket } = setup();
    connection.start();
    online();
    const synced = clock.now();
    clock.advance(5_000);
    socket().serverEmit('event', presence(1));
    clock.advance(0);
    expect(connection.state.syncedAt).toBe(synced + 5_000);
    clock.advance(200);
    socket().serverEmit('event', presence(2));
    clock.advance(0);
    expect(connection.state.syncedAt).toBe(synced + 5_000);
    clock.advance(1_000);
    socket().serverEmit('event', presence(3));
    clock.advance(0);
    expect(connection.state.syncedAt).toBe(synced + 6_200);
  });

  it('clears missed when the connection drops mid-sync', () => {
    const { connection, socket } = setup();
    connection.start();
    socket().accept();
    socket().serverEmit('session.opened', { ...session(), headSeq: 9 });
    socket().drop();
    expect(connection.state).toMatchObject({ status: 'offline', missed: null });
  });
});

describe('connectNow', () => {
  it('skips the backoff wait once, however often it is called while the connect is in flight', () => {
    const { clock, fake, connection, socket } = setup();
    connection.start();
    for (let i = 0; i < 4; i += 1) {
      socket().refuse('xhr poll error');
      clock.advance(connection.state.retryAt! - clock.now());
    }
    socket().refuse('xhr poll error');
    expect(connection.state.retryAt! - clock.now()).toBe(3_996);
    const before = fake.sockets.length;
    const started = Array.from({ length: 10 }, () => connection.connectNow());
    expect(started.filter(Boolean)).toHaveLength(1);
    expect(fake.sockets).toHaveLength(before + 1);
    expect(connection.state).toMatchObject({ status: 'connecting', retryAt: null });
    expect(clock.pending).toBe(0); // the old retry timer is gone
    socket().refuse('xhr poll error');
    expect(connection.state.retryAt! - clock.now()).toBe(499); // and the backoff starts over
  });

  it('leaves connecting, syncing and online accounts alone', () => {
    const { fake, connection, socket } = setup();
    expect(connection.connectNow()).toBe(false); // never started
    connection.start();
    expect(connection.connectNow()).toBe(false);
    socket().accept();
    socket().serverEmit('session.opened', session());
    expect(connection.connectNow(true)).toBe(false);
    socket().serverEmit('sync.done', { seq: 0 });
    expect(connection.connectNow(true)).toBe(false);
    connection.stop();
    expect(connection.connectNow(true)).toBe(false);
    expect(fake.sockets).toHaveLength(1);
  });

  it('retries auth-failed only when forced (the user fixed the token on the hub)', () => {
    const { fake, connection, socket } = setup();
    connection.start();
    socket().refuse('auth/revoked-token');
    expect(connection.state.status).toBe('auth-failed');
    expect(connection.connectNow()).toBe(false);
    expect(fake.sockets).toHaveLength(1);
    expect(connection.connectNow(true)).toBe(true);
    expect(fake.sockets).toHaveLength(2);
    expect(connection.state).toMatchObject({ status: 'connecting', reason: null, detail: null });
  });
});
