import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../src-shared/hub/events.js';
import { systemClock } from '../ports/clock.js';
import { ACCOUNT, type LogEntry, memoryLogger, presence, session, TOKEN } from '../testing/fixtures.js';
import { ChannelConnection, defaultTuning } from './channelConnection.js';
import type { ConnectionState } from './connectionState.js';
import { socketIoFactory } from './hubSocket.js';

/**
 * A stand-in for the hub at the test boundary: a real socket.io server on /agent
 * whose behaviour each test scripts (refuse, replay, send garbage, ack or not).
 */
interface TestHub {
  url: string;
  port: number;
  handshakes: { accountId: string; cursor: number; frames?: string }[];
  close(): Promise<void>;
}
type OnAgent = (socket: Socket) => void;

async function startHub(onAgent: OnAgent, options: { port?: number; refuse?: string } = {}): Promise<TestHub> {
  const http: HttpServer = createServer();
  const io = new Server(http);
  const handshakes: TestHub['handshakes'] = [];
  io.of('/agent').use((socket, next) => {
    handshakes.push(socket.handshake.auth as TestHub['handshakes'][number]);
    next(options.refuse ? new Error(options.refuse) : undefined);
  });
  io.of('/agent').on('connection', onAgent);
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, handshakes, close: () => new Promise((r) => io.close(() => r())) };
}

/** The usual hub: session, replay of `log` after the cursor, sync.done. */
const replaying = (log: unknown[], then?: OnAgent): OnAgent => (socket) => {
  const cursor = (socket.handshake.auth as { cursor: number }).cursor;
  socket.emit('session.opened', session());
  for (const event of log) if ((event as HubEvent).seq > cursor) socket.emit('event', event);
  socket.emit('sync.done', { seq: log.length });
  then?.(socket);
};

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function connect(hub: { url: string }, overrides: { cursor?: () => number; commandTimeoutMs?: number } = {}) {
  const states: ConnectionState[] = [];
  const batches: number[][] = [];
  const log = memoryLogger();
  const connection = new ChannelConnection({
    accountId: ACCOUNT,
    hubUrl: hub.url,
    token: TOKEN,
    cursor: overrides.cursor ?? (() => 0),
    socketFactory: socketIoFactory,
    clock: systemClock,
    random: () => 0.5,
    log,
    tuning: { ...defaultTuning, backoff: { baseMs: 40, capMs: 200 }, commandTimeoutMs: overrides.commandTimeoutMs ?? 10_000 },
    onState: (state) => states.push(state),
    onSession: () => {},
    onEvents: (events) => batches.push(events.map((e) => e.seq)),
    onQueueStats: () => {},
  });
  cleanups.push(() => connection.stop());
  connection.start();
  return { connection, states, batches, log };
}

const until = async (check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const warned = (log: { entries: LogEntry[] }) => log.entries.filter((e) => e.level === 'warn');

describe('ChannelConnection against a socket.io hub', () => {
  it('stops at auth-failed with the hub reason and does not retry', async () => {
    const hub = await startHub(() => {}, { refuse: 'auth/revoked-token' });
    cleanups.push(hub.close);
    const { connection } = connect(hub);
    await until(() => connection.state.status === 'auth-failed');
    await sleep(300); // several backoff periods
    expect(connection.state).toMatchObject({ reason: 'auth-revoked-token', retryAt: null });
    expect(hub.handshakes).toHaveLength(1);
  });

  it('drops a malformed event (logging the field) while valid ones still flow', async () => {
    const bad = { ...presence(2), data: { personId: 'p1', status: 'sleeping' } };
    const hub = await startHub(replaying([presence(1), bad, presence(3)]));
    cleanups.push(hub.close);
    const { connection, batches, log } = connect(hub);
    await until(() => connection.state.status === 'online');
    expect(batches.flat()).toEqual([1, 3]);
    expect(warned(log)).toEqual([
      expect.objectContaining({ message: 'dropped malformed hub event', fields: expect.objectContaining({ seq: 2, field: expect.stringMatching(/^data\.status/) }) }),
    ]);
  });

  it('drops duplicates (seq ≤ the cursor or already delivered) and batches a burst', async () => {
    const hub = await startHub((socket) => {
      socket.emit('session.opened', session());
      for (const seq of [4, 5, 6, 6, 7, 5]) socket.emit('event', presence(seq));
      socket.emit('sync.done', { seq: 7 });
    });
    cleanups.push(hub.close);
    const { connection, batches } = connect(hub, { cursor: () => 5 });
    await until(() => connection.state.status === 'online');
    expect(hub.handshakes[0]?.cursor).toBe(5);
    expect(batches).toEqual([[6, 7]]);
  });

  it('asks for batched frames and takes them: a malformed event or frame costs only itself, duplicates are dropped', async () => {
    const bad = { ...presence(3), data: { personId: 'p1', status: 'sleeping' } };
    const hub = await startHub((socket) => {
      socket.emit('session.opened', session());
      socket.emit('events', { events: [presence(1), presence(2), bad, presence(4)] });
      socket.emit('events', { events: 'not a list' });
      socket.emit('events', { events: [presence(4), presence(5)] });
      socket.emit('sync.done', { seq: 5 });
    });
    cleanups.push(hub.close);
    const { connection, batches, log } = connect(hub);
    await until(() => connection.state.status === 'online');
    expect(hub.handshakes[0]?.frames).toBe('batched');
    expect(batches.flat()).toEqual([1, 2, 4, 5]);
    expect(warned(log).map((e) => e.message)).toEqual(['dropped malformed hub event', 'dropped malformed events']);
  });

  it('goes offline when the hub goes away and online again, from the committed cursor, when it is back', async () => {
    let committed = 0;
    let hub = await startHub(replaying([presence(1), presence(2)]));
    const { connection, states, batches } = connect(hub, { cursor: () => committed });
    await until(() => connection.state.status === 'online');
    committed = 2;
    const port = hub.port;
    await hub.close();
    await until(() => connection.state.status === 'offline');
    expect(connection.state.retryAt).toBeGreaterThan(Date.now() - 1_000);
    expect(connection.state.reason).toMatch(/^(connection-lost|hub-closed)$/);
    await sleep(150); // a failed retry or two against the closed port
    hub = await startHub(replaying([presence(1), presence(2), presence(3)]), { port });
    cleanups.push(hub.close);
    await until(() => connection.state.status === 'online', 5_000);
    expect(hub.handshakes.at(-1)?.cursor).toBe(2);
    expect(batches.flat()).toEqual([1, 2, 3]);
    const sequence = states.map((s) => s.status).filter((s, i, all) => s !== all[i - 1]);
    expect(sequence.slice(0, 4)).toEqual(['connecting', 'syncing', 'online', 'offline']);
    expect(sequence.at(-1)).toBe('online');
  });

  it('resume reconnects and sends the new cursor in the handshake', async () => {
    let cursor = 0;
    const hub = await startHub(replaying([presence(1), presence(2), presence(3)]));
    cleanups.push(hub.close);
    const { connection, batches } = connect(hub, { cursor: () => cursor });
    await until(() => connection.state.status === 'online');
    cursor = 1;
    connection.reconnect();
    await until(() => hub.handshakes.length === 2 && connection.state.status === 'online');
    expect(hub.handshakes.map((h) => h.cursor)).toEqual([0, 1]);
    expect(batches.flat()).toEqual([1, 2, 3, 2, 3]);
  });

  it('sends commands with an ack, validates the ack and times out when the hub stays silent', async () => {
    const hub = await startHub(
      replaying([], (socket) => {
        socket.on('conversation.claim', (input: { conversationId: string }, ack: (a: unknown) => void) =>
          ack(input.conversationId === 'c1' ? { ok: true } : { ok: false, error: { code: 'forbidden', message: 'not yours' } }),
        );
        socket.on('conversation.resolve', (_input: unknown, ack: (a: unknown) => void) => ack({ ok: 'yes' }));
        socket.on('message.send', () => {}); // never acks
      }),
    );
    cleanups.push(hub.close);
    const { connection } = connect(hub, { commandTimeoutMs: 150 });
    await until(() => connection.state.status === 'online');
    expect(await connection.command('conversation.claim', { conversationId: 'c1' })).toEqual({ ok: true, value: {} });
    expect(await connection.command('conversation.claim', { conversationId: 'c2' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'not yours' },
    });
    expect(await connection.command('conversation.resolve', { conversationId: 'c1' })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/^malformed conversation.resolve ack: ok:/) },
    });
    const send = await connection.command('message.send', { conversationId: 'c1', clientId: 'client-0001', text: 'hi' });
    expect(send).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('answers offline at once when not connected', async () => {
    const hub = await startHub(() => {}, { refuse: 'auth/invalid-token' });
    cleanups.push(hub.close);
    const { connection } = connect(hub);
    await until(() => connection.state.status === 'auth-failed');
    const started = Date.now();
    expect(await connection.command('conversation.claim', { conversationId: 'c1' })).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    expect(Date.now() - started).toBeLessThan(50);
  });
});
