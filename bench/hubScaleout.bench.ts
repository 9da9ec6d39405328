/**
 * Customer messages/s through one hub node versus two nodes sharing one
 * PostgreSQL and one Redis (both topologies on PostgreSQL, so only the node
 * count differs). Web-chat visitors are spread over the nodes; one agent per
 * node and account listens, so every message is also fanned out across nodes.
 * On this 2-core machine the nodes, PostgreSQL, Redis and the clients share the
 * same cores: the figure shows the cost of the cluster path, not a speed-up.
 */
import { rm } from 'node:fs/promises';
import type { Socket } from 'socket.io-client';
import { startHub, type RunningHub } from '../src-hub/index.js';
import { startServices, type Services } from '../src-hub/scaleout/services.js';
import { pct, runBench, type BenchRow } from './lib/bench.js';
import { call, makeTempDir, onHubEvent, openAgentSocket, openSocket, waitFor } from './lib/hubRig.js';
import { nowMs, round, withTimeout } from './lib/measure.js';

/** Per visitor: within the widget's burst allowance, so the rate limit never paces the run. */
const MESSAGES_PER_VISITOR = 15;
const VISITORS = 32;

interface Run {
  nodes: number;
  accounts: number;
  messages: number;
  seconds: number;
  perSecond: number;
  /** message.created events the agents received, over what they should have. */
  fannedOut: number;
  expectedFanOut: number;
}

async function measure(services: Services, nodeCount: number, accountCount: number): Promise<Run> {
  const databaseUrl = await services.freshDatabase();
  const dirs = await Promise.all(Array.from({ length: nodeCount }, () => makeTempDir('scaleout')));
  const nodes: RunningHub[] = [];
  const sockets: Socket[] = [];
  try {
    for (const dataDir of dirs) nodes.push(await startHub({ dataDir, port: 0, databaseUrl, redisUrl: services.redisUrl!, bot: { enabled: false } }));
    const accounts = Array.from({ length: accountCount }, (_, i) => `scale-${i}`);
    let fannedOut = 0;
    for (const id of accounts) {
      await nodes[0]!.admin.createAccount({ id, name: id, channel: 'webchat' });
      const { token } = await nodes[0]!.admin.issueToken({ accountId: id, personId: 'agent-1', personName: 'Agent', role: 'agent' });
      for (const node of nodes) {
        const agent = openAgentSocket(`${node.url}/agent`, { accountId: id, token, cursor: 0 });
        sockets.push(agent);
        onHubEvent(agent, (event) => void (event.type === 'message.created' && fannedOut++));
        await waitFor(agent, 'sync.done', 'agent sync');
      }
    }
    const visitors = await Promise.all(
      Array.from({ length: VISITORS }, async (_, v) => {
        const socket = openSocket(`${nodes[v % nodeCount]!.url}/customer`, { accountId: accounts[v % accountCount]!, visitorId: `visitor-${String(v).padStart(4, '0')}` });
        sockets.push(socket);
        await waitFor(socket, 'history', 'visitor history');
        return socket;
      }),
    );
    const started = nowMs();
    await withTimeout(
      Promise.all(
        visitors.map(async (socket, v) => {
          for (let i = 0; i < MESSAGES_PER_VISITOR; i++) {
            const ack = await call(socket, 'customer.send', { text: `访客 ${v} 的第 ${i} 条消息：订单什么时候发货？` });
            if (!ack.ok) throw new Error(`customer.send: ${JSON.stringify(ack)}`);
          }
        }),
      ),
      60_000,
      'customer messages',
    );
    const seconds = (nowMs() - started) / 1000;
    const messages = VISITORS * MESSAGES_PER_VISITOR;
    const expectedFanOut = messages * nodeCount;
    const deadline = Date.now() + 5000;
    while (fannedOut < expectedFanOut && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return { nodes: nodeCount, accounts: accountCount, messages, seconds: round(seconds, 2), perSecond: round(messages / seconds, 1), fannedOut, expectedFanOut };
  } finally {
    for (const socket of sockets) socket.close();
    for (const node of nodes) await node.close();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

runBench(async () => {
  const services = await startServices();
  try {
    const runs: Run[] = [];
    for (const accounts of [1, 4]) for (const nodes of [1, 2]) runs.push(await measure(services, nodes, accounts));
    const table: BenchRow[] = runs.map((run) => {
      const single = runs.find((r) => r.accounts === run.accounts && r.nodes === 1)!;
      return {
        metric: `${run.nodes} node${run.nodes > 1 ? 's' : ''}, ${run.accounts} account${run.accounts > 1 ? 's' : ''}`,
        value: run.perSecond,
        unit: 'msg/s',
        note: `${pct(run.perSecond, single.perSecond)}% of one node; fan-out ${run.fannedOut}/${run.expectedFanOut}`,
      };
    });
    return { params: { visitors: VISITORS, messagesPerVisitor: MESSAGES_PER_VISITOR, store: 'PostgreSQL 15 (fsync off) + Redis 7' }, results: { runs }, table };
  } finally {
    await services.stop();
  }
});
