import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src-shared/hub/events.js';
import { startHub, type RunningHub } from '../index.js';
import { connectCustomer, makeAccount, type AccountFixture } from '../testing/fixtures.js';
import { closeAllSockets, command, connect, connectOutcome, eventually, type RecordingSocket } from '../testing/sockets.js';
import { makeTempDir } from '../testing/testHub.js';
import { skipServices, startServices, type Services } from './services.js';

/**
 * Two hub nodes on one PostgreSQL and one Redis, as behind a load balancer: an
 * agent on node A, a web-chat customer on node B, both writing at once; then
 * node A goes away and the agent resumes on node B from its cursor. A token
 * revoked on one node loses its sockets on every node.
 */
const BURST = 12;
const skip = skipServices();

const seqsOf = (events: HubEvent[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const textsOf = (socket: RecordingSocket) =>
  socket.received.filter((r) => r.name === 'message').map((r) => (r.payload as { text: string }).text);

describe.skipIf(skip)('two hub nodes sharing PostgreSQL + Redis', () => {
  let services: Services;
  let databaseUrl: string;
  const dirs: string[] = [];
  let nodeA: RunningHub;
  let nodeB: RunningHub;
  let fixture: AccountFixture;

  const startNode = async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    return startHub({ dataDir, port: 0, databaseUrl, redisUrl: services.redisUrl!, bot: { enabled: false } });
  };

  beforeAll(async () => {
    services = await startServices();
    databaseUrl = await services.freshDatabase();
    // Started together: the migrations run once, under the advisory lock.
    [nodeA, nodeB] = await Promise.all([startNode(), startNode()]);
    fixture = await makeAccount(nodeA);
  });
  afterAll(async () => {
    closeAllSockets();
    await nodeA?.close();
    await nodeB?.close();
    await services?.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('a token revoked on node A loses its live socket on node B at once', async () => {
    // Its own account: the revocation's audit line must not show up in the other test's event stream.
    const { accountId } = await makeAccount(nodeA);
    const issued = await nodeA.admin.issueToken({ accountId, personId: 'mallory', personName: 'Mallory', role: 'agent' });
    const onB = connect(nodeB.url, '/agent', { accountId, token: issued.token, cursor: 0 });
    await onB.synced;
    const cut = new Promise<string>((resolve) => onB.socket.once('disconnect', resolve));
    await nodeA.admin.revokeToken(issued.tokenId);
    // The server closed it (not a transport failure), well before any reconnect would notice.
    expect(await cut).toBe('io server disconnect');
    const again = await connectOutcome(connect(nodeB.url, '/agent', { accountId, token: issued.token, cursor: 0 }).socket);
    expect(again.code).toBe('auth/revoked-token');
  });

  it('fans out both ways, then resumes the agent on the other node with exactly the missing events', async () => {
    const agent = connect(nodeA.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor: 0 });
    await agent.synced;
    const customer = connectCustomer(nodeB, fixture.accountId);
    const opening = await command(customer.socket, 'customer.send', { text: '你好，我的订单还没发货' });
    expect(opening.ok).toBe(true);
    const conversationId = opening.message.conversationId as string;

    // B → A: the customer's message reaches the agent connected to the other node.
    await eventually(() => expect(agent.events.some((e) => e.type === 'message.created' && e.data.text === '你好，我的订单还没发货')).toBe(true));

    // Both nodes write to the same account at once: seqs must not collide and each node publishes them in order.
    const acks = await Promise.all([
      ...range(1, BURST).map((i) => command(agent.socket, 'message.send', { clientId: `reply-0${String(i).padStart(3, '0')}`, conversationId, text: `回复 ${i}` })),
      ...range(1, BURST).map((i) => command(customer.socket, 'customer.send', { text: `追问 ${i}` })),
    ]);
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);

    // A → B: every reply reaches the customer's socket on node B once (not once per node).
    const replies = range(1, BURST).map((i) => `回复 ${i}`);
    await eventually(() => expect(textsOf(customer).filter((t) => t.startsWith('回复')).sort()).toEqual([...replies].sort()));
    // The agent's live stream on A: contiguous from 1, no gaps, no repeats, B's commits included.
    await eventually(() => expect(agent.events.filter((e) => e.type === 'message.created' && e.data.text.startsWith('追问'))).toHaveLength(BURST));
    expect(seqsOf(agent.events)).toEqual(range(1, agent.events.length));

    // Node A goes away; the agent's cursor is the last seq it stored.
    await nodeA.close();
    const cursor = agent.events.at(-1)!.seq;
    const whileAway = ['人呢？', '在吗'];
    for (const text of whileAway) expect((await command(customer.socket, 'customer.send', { text })).ok).toBe(true);

    const resumed = connect(nodeB.url, '/agent', { accountId: fixture.accountId, token: fixture.tokens.agent, cursor });
    const session = await resumed.session;
    const done = await resumed.synced;
    expect(seqsOf(resumed.events.filter((e) => e.seq <= done.seq))).toEqual(range(cursor + 1, done.seq));
    expect(done.seq).toBeGreaterThanOrEqual(session.headSeq);
    const missing = resumed.events.filter((e) => e.type === 'message.created').map((e) => (e.type === 'message.created' ? e.data.text : ''));
    expect(missing).toEqual(expect.arrayContaining(whileAway));
    // Live again, now on B: a reply sent through B arrives after the replay, in order.
    expect((await command(resumed.socket, 'message.send', { clientId: 'after-failover-01', conversationId, text: '马上为您查询' })).ok).toBe(true);
    await eventually(() => expect(resumed.events.some((e) => e.type === 'message.created' && e.data.text === '马上为您查询')).toBe(true));
    expect(seqsOf(resumed.events)).toEqual(range(cursor + 1, cursor + resumed.events.length));

    // What the agent holds (A's stream up to the cursor, then B's) is the log, each event once.
    const log = await readLog(databaseUrl, fixture.accountId);
    expect(log.map((e) => e.seq)).toEqual(range(1, log.length));
    const held = [...agent.events, ...resumed.events];
    expect(held.map((e) => e.seq)).toEqual(log.filter((e) => e.seq <= held.at(-1)!.seq).map((e) => e.seq));
    const messageIds = log.filter((e) => e.type === 'message.created').map((e) => (e.data as { id: string }).id);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    expect(messageIds).toHaveLength(1 + 2 * BURST + whileAway.length + 1);
    expect(await countMessages(databaseUrl, fixture.accountId)).toBe(messageIds.length);
  });
});

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const readLog = (url: string, accountId: string) =>
  withClient(url, async (client) =>
    (await client.query('SELECT seq::int AS seq, type, data FROM events WHERE account_id = $1 ORDER BY seq', [accountId])).rows as Array<{
      seq: number;
      type: string;
      data: unknown;
    }>,
  );

const countMessages = (url: string, accountId: string) =>
  withClient(url, async (client) => Number((await client.query('SELECT count(*) AS n FROM messages WHERE account_id = $1', [accountId])).rows[0].n));
