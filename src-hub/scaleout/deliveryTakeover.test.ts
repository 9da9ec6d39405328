import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../index.js';
import { postSignedMessage } from '../sim/connectorClient.js';
import { startTestCallback, type TestCallback } from '../testing/callback.js';
import { connectAgent, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually } from '../testing/sockets.js';
import { makeTempDir, uniqueId } from '../testing/testHub.js';
import { skipServices, startServices, type Services } from './services.js';

/**
 * A reply whose callback failed waits for its retry on node A. Node B starts
 * meanwhile (every node resumes what the store holds pending, at start and then
 * every sweep): it must not send the reply while A holds it. When A stops, B
 * takes the reply over and it reaches the connector once.
 */
const skip = skipServices();
const SWEEP_MS = 150;

describe.skipIf(skip)('pending deliveries in a two-node cluster', () => {
  let services: Services;
  let callback: TestCallback;
  let databaseUrl: string;
  const dirs: string[] = [];
  const nodes: RunningHub[] = [];

  const startNode = async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    // A's retry is a minute away: within the test only the claim decides who sends.
    const node = await startHub({ dataDir, port: 0, databaseUrl, redisUrl: services.redisUrl!, bot: { enabled: false }, webhook: { retryDelaysMs: [60_000], sweepMs: SWEEP_MS } });
    nodes.push(node);
    return node;
  };

  beforeAll(async () => {
    services = await startServices();
    callback = await startTestCallback();
    databaseUrl = await services.freshDatabase();
  });
  afterAll(async () => {
    closeAllSockets();
    for (const node of nodes) await node.close();
    await callback?.close();
    await services?.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('a node that starts while another retries a callback leaves it alone, and takes it over once the other stops', async () => {
    const nodeA = await startNode();
    const fixture = await makeAccount(nodeA, 'taobao');
    const { secret } = await nodeA.admin.issueWebhookSecret(fixture.accountId, { callbackUrl: callback.url });
    const agent = await connectAgent(nodeA, fixture);
    const inbound = { eventId: uniqueId('evt'), customer: { id: 'tb_xiaohong', name: '小红' }, text: '发货了吗？', sentAt: Date.now() };
    const { conversationId } = (await postSignedMessage(nodeA.url, fixture.accountId, secret, inbound)).body;

    callback.down = true;
    const reply = await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId, text: '今天发货' });
    expect(reply.ok).toBe(true);
    const sent = () => callback.attempts.filter((attempt) => attempt.raw.includes(conversationId));
    await eventually(() => expect(sent()).toHaveLength(1));
    callback.down = false;

    const nodeB = await startNode();
    // B's start and several of its sweeps find the reply pending, and A's claim on it.
    await new Promise((resolve) => setTimeout(resolve, SWEEP_MS * 8));
    expect(sent()).toHaveLength(1);

    await nodeA.close();
    await eventually(() => expect(sent()).toHaveLength(2), 5_000);
    const onB = await connectAgent(nodeB, fixture);
    await eventually(() => expect(onB.events.some((e) => e.type === 'message.status' && e.data.status === 'delivered')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, SWEEP_MS * 4));
    expect(sent()).toHaveLength(2);
  });
});
