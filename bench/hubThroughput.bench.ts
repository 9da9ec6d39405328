/**
 * Customer messages per second end to end on one hub node: a signed webhook POST
 * in (and, beside it, a widget socket's customer.send), until a connected agent
 * socket has received every `message.created`. Next to it, in the same run, the
 * raw socket.io limit of the same shape (emit with ack, relayed to a receiver),
 * and the raw PGlite limit: the rows of a customer message written bare, one
 * transaction per message and batched, so the store's own ceiling is in view.
 */
import { startHub } from '../src-hub/index.js';
import { postSignedMessage } from '../src-hub/sim/connectorClient.js';
import { pct, runBench } from './lib/bench.js';
import { call, makeTempDir, openSocket, removeDir, waitFor } from './lib/hubRig.js';
import { round, windowed, withTimeout, type Throughput } from './lib/measure.js';
import { startRawRelay } from './lib/rawRelay.js';
import { measureRawStoreLimits } from './lib/rawStoreLimits.js';

const N = 2000;
const WARMUP = 200;
const WINDOW = 32;
const DRAIN_TIMEOUT_MS = 60_000;

/** Runs `send(i)` N times WINDOW in flight, and times until `received()` reached the target as well. */
async function endToEnd(send: (i: number) => Promise<void>, received: () => number, target: () => number): Promise<Throughput> {
  const start = performance.now();
  await windowed(N, WINDOW, send);
  await withTimeout(
    (async () => {
      while (received() < target()) await new Promise((resolve) => setTimeout(resolve, 2));
    })(),
    DRAIN_TIMEOUT_MS,
    'agent socket receiving every message',
  );
  const seconds = (performance.now() - start) / 1000;
  return { n: N, window: WINDOW, seconds: round(seconds, 3), perSecond: round(N / seconds, 1) };
}

runBench(async () => {
  const dir = await makeTempDir('throughput');
  const hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    limits: { agentCommands: null, customerMessages: null },
    webhook: { rateLimit: { perSecond: 1e6, burst: 1e6 } },
  });
  let webhook: Throughput;
  let widget: Throughput;
  try {
    await hub.admin.createAccount({ id: 'bench-taobao', name: 'Bench Taobao', channel: 'taobao' });
    const { secret } = await hub.admin.issueWebhookSecret('bench-taobao');
    const { token } = await hub.admin.issueToken({ accountId: 'bench-taobao', personId: 'agent-1', personName: 'Bench Agent', role: 'agent' });
    const agent = openSocket(`${hub.url}/agent`, { accountId: 'bench-taobao', token, cursor: 0 });
    let customerMessages = 0;
    agent.on('event', (event: { type: string; data: { author?: { kind: string } } }) => {
      if (event.type === 'message.created' && event.data.author?.kind === 'customer') customerMessages++;
    });
    await waitFor(agent, 'sync.done', 'agent sync.done');

    // 200 shoppers, each writing several lines: conversations are continued as well as started.
    const post = async (phase: string, i: number) => {
      const answer = await postSignedMessage(hub.url, 'bench-taobao', secret, {
        eventId: `${phase}-${i}`,
        customer: { id: `buyer-${i % 200}`, name: `买家${i % 200}` },
        text: `你好，我的订单 #${i} 还没发货，请帮我查一下。`,
        sentAt: Date.now(),
      });
      if (answer.status !== 202) throw new Error(`webhook answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    };
    let base = customerMessages;
    await windowed(WARMUP, WINDOW, (i) => post('warm', i));
    base += WARMUP;
    webhook = await endToEnd((i) => post('run', i), () => customerMessages, () => base + N);

    const visitor = openSocket(`${hub.url}/customer`, { accountId: 'bench-taobao', visitorId: 'bench-visitor-0001', name: 'Visitor' });
    await waitFor(visitor, 'history', 'visitor connect');
    const before = customerMessages;
    widget = await endToEnd(async (i) => void (await call(visitor, 'customer.send', { text: `在吗？订单 #${i}` })), () => customerMessages, () => before + N);
    visitor.close();
    agent.close();
  } finally {
    await hub.close();
    await removeDir(dir);
  }

  const relay = await startRawRelay();
  let raw: Throughput;
  try {
    let relayed = 0;
    relay.receiver.on('event', () => relayed++);
    await windowed(WARMUP, WINDOW, async (i) => void (await call(relay.sender, 'customer.send', { text: `warm ${i}` })));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the warm-up's relays land first
    const base = relayed;
    raw = await endToEnd(async (i) => void (await call(relay.sender, 'customer.send', { text: `在吗？订单 #${i}` })), () => relayed, () => base + N);
  } finally {
    await relay.close();
  }

  // The rows one webhook message writes, at the sizes the hub writes them.
  const customerRows = (i: number) => {
    const at = Date.now();
    const doc = { id: `m_${i}`, conversationId: `c_${i % 200}`, accountId: 'bench-taobao', clientId: null, author: { kind: 'customer', id: `cu_${i % 200}`, name: `买家${i % 200}` }, text: `你好，我的订单 #${i} 还没发货，请帮我查一下。`, private: false, status: 'delivered', createdAt: at };
    const event = { id: `c_${i % 200}`, accountId: 'bench-taobao', channel: 'taobao', customer: { id: `cu_${i % 200}`, name: `买家${i % 200}` }, status: 'open', assigneeId: null, assigneeName: null, subject: null, createdAt: at, lastActivityAt: at, lastMessagePreview: doc.text, owner: 'queued', queue: 'general', waitingSince: at };
    return { doc, event };
  };
  const store = await measureRawStoreLimits(N, WINDOW, customerRows);

  return {
    params: { n: N, warmup: WARMUP, window: WINDOW, target: 'hub ≥ 50% of raw socket.io' },
    results: {
      hubWebhookEndToEnd: webhook,
      hubWidgetEndToEnd: widget,
      rawSocketIoRelay: raw,
      rawPgliteOneTransactionPerMessage: store.oneTransactionPerMessage,
      rawPgliteBatched: store.batched,
      fractionOfRaw: { webhook: round(webhook.perSecond / raw.perSecond, 3), widget: round(widget.perSecond / raw.perSecond, 3) },
    },
    table: [
      { metric: 'hub: signed webhook in → agent socket', value: webhook.perSecond, unit: 'msg/s', note: `${pct(webhook.perSecond, raw.perSecond)}% of raw (target 50%)` },
      { metric: 'hub: widget customer.send → agent socket', value: widget.perSecond, unit: 'msg/s', note: `${pct(widget.perSecond, raw.perSecond)}% of raw` },
      { metric: 'raw socket.io emit+ack → relayed', value: raw.perSecond, unit: 'msg/s', note: `w=${WINDOW}` },
      { metric: 'raw PGlite: a message\'s rows, 1 tx each', value: store.oneTransactionPerMessage.perSecond, unit: 'msg/s', note: 'message row + 2 event rows, PGlite query()' },
      { metric: `raw PGlite: the same, ${WINDOW} msgs per tx`, value: store.batched.perSecond, unit: 'msg/s', note: 'two multi-row INSERTs per tx' },
    ],
  };
});
