/**
 * Customer messages per second end to end on one hub node: signed webhook POSTs
 * in (one message per request, and batches), and a widget socket's customer.send,
 * until a connected agent socket has received every `message.created`. Next to
 * it, in the same run and from the same load generator (its own process, HTTP
 * keep-alive), the raw limits of the same shapes: a bare socket.io relay and a
 * bare HTTP relay; and the raw limits of PGlite and PostgreSQL for a customer
 * message's rows, one transaction per message and batched, so the stores' own
 * ceilings are in view. Besides one shop (account), batches across several
 * shops: an account's records commit one after another, a node's shops side by side.
 */
import { startHub } from '../src-hub/index.js';
import { servicesMissing, startServices } from '../src-hub/scaleout/services.js';
import { pct, runBench, type BenchRow } from './lib/bench.js';
import { startGenerator, type Generator, type GeneratorJob } from './lib/generator.js';
import type { Socket } from 'socket.io-client';
import { makeTempDir, onHubEvent, openAgentSocket, removeDir, waitFor } from './lib/hubRig.js';
import { round, withTimeout, type Throughput } from './lib/measure.js';
import { startRawRelay } from './lib/rawRelay.js';
import { measureRawStoreLimits } from './lib/rawStoreLimits.js';
import { startProcessCpuProfile } from './lib/processCpuProfile.js';
import type { ProfileSummary } from './lib/cpuProfile.js';

const N = 2000;
const WARMUP = 200;
const WINDOW = 32;
/** Messages per batch request, and batch requests in flight. */
const BATCH = 100;
const BATCH_WINDOW = 4;
/**
 * Shops (accounts, each with its agent socket) of the many-shops batch phase. An account's
 * records commit one after another (its head lock orders its log), so one shop measures that
 * chain; a node serves many shops, whose chains run side by side on PostgreSQL's connections.
 */
const SHOPS = 4;
/** Messages posted in batches: more than N, so the phase lasts long enough to time. */
const N_BATCH = 10_000;
/**
 * Messages of the raw socket.io phase, the ratio's denominator: at ~10k/s, 2,000 lasted
 * 0.13–0.4 s and swung 2,700–15,000 msg/s between runs under load; a second-long phase
 * holds steadier. Throughput is per second, so its count need not match the hub phases'.
 */
const N_RAW_SOCKET = 10_000;
const DRAIN_TIMEOUT_MS = 60_000;
/**
 * HUB_CPU_PROFILE=<dir>: the batch and widget phases run under a CPU profile of
 * this process (the hub; the generator is its own process), summarized in the
 * results and saved as <dir>/hub-<store>-<phase>.cpuprofile (store: pglite or
 * postgres). Profiling slows the hub: such a run is for attribution, not for the rates.
 */
const PROFILE_DIR = process.env.HUB_CPU_PROFILE;
const profiles: Record<string, ProfileSummary> = {};

async function profiled<T>(phase: string, run: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return run();
  const profile = await startProcessCpuProfile();
  const result = await run();
  profiles[phase] = await profile.stop(25, `${PROFILE_DIR}/hub-${phase}.cpuprofile`);
  return result;
}

interface Counted extends Throughput {
  /** Messages per request. */
  perRequest: number;
}

/** Runs the generator's job and times until `received()` grew by `messages` as well. */
async function endToEnd(generator: Generator, job: GeneratorJob, messages: number, received: () => number): Promise<Counted> {
  const target = received() + messages;
  const start = performance.now();
  const report = await generator.run(job);
  const ok = (report.statuses['202'] ?? 0) + (report.statuses['200'] ?? 0) + (report.statuses.ok ?? 0);
  if (ok !== report.n) throw new Error(`${job.kind} ${'phase' in job ? job.phase : ''}: not every request was accepted: ${JSON.stringify(report.statuses)}`);
  await withTimeout(
    (async () => {
      while (received() < target) await new Promise((resolve) => setTimeout(resolve, 2));
    })(),
    DRAIN_TIMEOUT_MS,
    `agent socket receiving every message of ${job.kind} ${'phase' in job ? job.phase : ''}`,
  );
  const seconds = (performance.now() - start) / 1000;
  return { n: messages, window: report.window, perRequest: messages / report.n, seconds: round(seconds, 3), perSecond: round(messages / seconds, 1) };
}

type Target = { path: string; secret: string };

/** `window` per target: each account gets as many requests in flight as the one-account phases give theirs. */
const webhookJob = (url: string, targets: Target[], phase: string, messages: number, batch: number): GeneratorJob => ({
  kind: 'webhook',
  url,
  targets,
  phase,
  requests: batch > 0 ? messages / batch : messages,
  window: (batch > 0 ? BATCH_WINDOW : WINDOW) * targets.length,
  batch,
});

/** The hub's phases on its embedded store (PGlite), or on PostgreSQL when `databaseUrl` is given. */
async function measureHub(generator: Generator, databaseUrl?: string) {
  const dir = await makeTempDir('throughput');
  const hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    ...(databaseUrl ? { databaseUrl } : {}),
    limits: { agentCommands: null, customerMessages: null },
    webhook: { rateLimit: { perSecond: 1e6, burst: 1e6 } },
  });
  const agents: Socket[] = [];
  try {
    // Shops with an agent each; the one-account phases use the first.
    let customerMessages = 0;
    const shops: Array<{ accountId: string; single: Target; batched: Target }> = [];
    for (let s = 0; s < SHOPS; s++) {
      const accountId = `bench-taobao-${s}`;
      await hub.admin.createAccount({ id: accountId, name: `Bench Taobao ${s}`, channel: 'taobao' });
      const { secret } = await hub.admin.issueWebhookSecret(accountId);
      const { token } = await hub.admin.issueToken({ accountId, personId: 'agent-1', personName: 'Bench Agent', role: 'agent' });
      const agent = openAgentSocket(`${hub.url}/agent`, { accountId, token, cursor: 0 });
      agents.push(agent);
      onHubEvent(agent, (event) => {
        if (event.type === 'message.created' && event.data.author?.kind === 'customer') customerMessages++;
      });
      await waitFor(agent, 'sync.done', 'agent sync.done');
      const single = `/webhook/${accountId}/messages`;
      shops.push({ accountId, single: { path: single, secret }, batched: { path: `${single}/batch`, secret } });
    }
    const received = () => customerMessages;
    const [first] = shops as [(typeof shops)[number]];

    await endToEnd(generator, webhookJob(hub.url, [first.single], 'warm', WARMUP, 0), WARMUP, received);
    const webhook = await endToEnd(generator, webhookJob(hub.url, [first.single], 'run', N, 0), N, received);
    await endToEnd(generator, webhookJob(hub.url, [first.batched], 'warm-batch', BATCH * BATCH_WINDOW, BATCH), BATCH * BATCH_WINDOW, received);
    const store = databaseUrl ? 'postgres' : 'pglite';
    const webhookBatch = await profiled(`${store}-webhookBatch`, () => endToEnd(generator, webhookJob(hub.url, [first.batched], 'run-batch', N_BATCH, BATCH), N_BATCH, received));
    const everyShop = shops.map((shop) => shop.batched);
    const webhookBatchShops = await endToEnd(generator, webhookJob(hub.url, everyShop, 'run-shops', N_BATCH, BATCH), N_BATCH, received);
    const socket = { kind: 'socket', url: `${hub.url}/customer`, auth: { accountId: first.accountId, visitorId: 'bench-visitor-0001', name: 'Visitor' }, event: 'customer.send', window: WINDOW } as const;
    const widget = await profiled(`${store}-widget`, () => endToEnd(generator, { ...socket, phase: 'run', requests: N }, N, received));
    return { webhook, webhookBatch, webhookBatchShops, widget };
  } finally {
    for (const agent of agents) agent.close();
    await hub.close();
    await removeDir(dir);
  }
}

async function measureRaw(generator: Generator) {
  const relay = await startRawRelay();
  try {
    let relayed = 0;
    relay.receiver.on('event', () => relayed++);
    const received = () => relayed;
    const socket = { kind: 'socket', url: `${relay.url}/customer`, auth: {}, event: 'customer.send', window: WINDOW } as const;
    await endToEnd(generator, { ...socket, phase: 'warm', requests: WARMUP }, WARMUP, received);
    const socketIo = await endToEnd(generator, { ...socket, phase: 'run', requests: N_RAW_SOCKET }, N_RAW_SOCKET, received);
    const raw = [{ path: '/raw', secret: 'unchecked' }];
    await endToEnd(generator, webhookJob(relay.url, raw, 'warm', WARMUP, 0), WARMUP, received);
    const http = await endToEnd(generator, webhookJob(relay.url, raw, 'run', N, 0), N, received);
    const httpBatch = await endToEnd(generator, webhookJob(relay.url, raw, 'run-batch', N_BATCH, BATCH), N_BATCH, received);
    return { socketIo, http, httpBatch };
  } finally {
    await relay.close();
  }
}

runBench(async () => {
  // The rows one webhook message writes, at the sizes the hub writes them.
  const customerRows = (i: number) => {
    const at = Date.now();
    const doc = { id: `m_${i}`, conversationId: `c_${i % 200}`, accountId: 'bench-taobao', clientId: null, author: { kind: 'customer', id: `cu_${i % 200}`, name: `买家${i % 200}` }, text: `你好，我的订单 #${i} 还没发货，请帮我查一下。`, private: false, status: 'delivered', createdAt: at };
    const event = { id: `c_${i % 200}`, accountId: 'bench-taobao', channel: 'taobao', customer: { id: `cu_${i % 200}`, name: `买家${i % 200}` }, status: 'open', assigneeId: null, assigneeName: null, subject: null, createdAt: at, lastActivityAt: at, lastMessagePreview: doc.text, owner: 'queued', queue: 'general', waitingSince: at };
    return { doc, event };
  };
  // The batched limit at the batch phase's size: a request's 100 messages in one transaction.
  const storeCounts = { n: N, nBatched: N_BATCH, batch: BATCH };
  const generator = startGenerator();
  let hub: Awaited<ReturnType<typeof measureHub>>;
  let raw: Awaited<ReturnType<typeof measureRaw>>;
  // The production store too, when Debian's PostgreSQL is here: its work runs in its own
  // server process (the second core), not inside the hub's as PGlite's WebAssembly does.
  let onPostgres: typeof hub | null = null;
  let postgresLimits: Awaited<ReturnType<typeof measureRawStoreLimits>> | null = null;
  const pgMissing = servicesMissing();
  try {
    hub = await measureHub(generator);
    if (!pgMissing) {
      const services = await startServices('postgres');
      try {
        onPostgres = await measureHub(generator, await services.freshDatabase());
        postgresLimits = await measureRawStoreLimits(storeCounts, customerRows, await services.freshDatabase());
      } finally {
        await services.stop();
      }
    }
    raw = await measureRaw(generator);
  } finally {
    generator.close();
  }

  const store = await measureRawStoreLimits(storeCounts, customerRows);
  const ofRaw = (t: Throughput) => round(t.perSecond / raw.socketIo.perSecond, 3);
  type HubRun = Awaited<ReturnType<typeof measureHub>>;
  const fractionsOf = (r: HubRun) => ({ webhook: ofRaw(r.webhook), webhookBatch: ofRaw(r.webhookBatch), webhookBatchShops: ofRaw(r.webhookBatchShops), widget: ofRaw(r.widget) });
  /** The hub's three phases on one store, each against the raw limits of the same run. */
  const hubRows = (label: string, r: HubRun): BenchRow[] => [
    { metric: `${label}: signed webhook, 1 msg/request → agent socket`, value: r.webhook.perSecond, unit: 'msg/s', note: `${pct(r.webhook.perSecond, raw.socketIo.perSecond)}% of raw socket.io (target 50%), ${pct(r.webhook.perSecond, raw.http.perSecond)}% of raw HTTP` },
    { metric: `${label}: signed webhook, batches of ${BATCH} → agent socket`, value: r.webhookBatch.perSecond, unit: 'msg/s', note: `${pct(r.webhookBatch.perSecond, raw.socketIo.perSecond)}% of raw socket.io (target 50%), ${pct(r.webhookBatch.perSecond, raw.httpBatch.perSecond)}% of raw HTTP batches` },
    { metric: `${label}: signed webhook, batches of ${BATCH} across ${SHOPS} shops → their agents`, value: r.webhookBatchShops.perSecond, unit: 'msg/s', note: `${pct(r.webhookBatchShops.perSecond, raw.socketIo.perSecond)}% of raw socket.io, w=${BATCH_WINDOW} per shop` },
    { metric: `${label}: widget customer.send → agent socket`, value: r.widget.perSecond, unit: 'msg/s', note: `${pct(r.widget.perSecond, raw.socketIo.perSecond)}% of raw socket.io` },
  ];
  const table: BenchRow[] = [
    ...hubRows('hub', hub),
    ...(onPostgres ? hubRows('hub on PostgreSQL (Debian, 127.0.0.1, test cluster: fsync off)', onPostgres) : [{ metric: `hub on PostgreSQL: SKIPPED (${pgMissing})`, value: 0, unit: '' }]),
    { metric: 'raw socket.io emit+ack → relayed', value: raw.socketIo.perSecond, unit: 'msg/s', note: `w=${WINDOW}, ${N_RAW_SOCKET} msgs, generator in its own process` },
    { metric: 'raw HTTP POST, 1 msg/request → relayed', value: raw.http.perSecond, unit: 'msg/s', note: `w=${WINDOW}, keep-alive` },
    { metric: `raw HTTP POST, batches of ${BATCH} → relayed`, value: raw.httpBatch.perSecond, unit: 'msg/s', note: `w=${BATCH_WINDOW}, keep-alive` },
    { metric: 'raw PGlite: a message\'s rows, 1 tx each', value: store.oneTransactionPerMessage.perSecond, unit: 'msg/s', note: 'message row + 2 event rows, PGlite query()' },
    { metric: `raw PGlite: the same, ${BATCH} msgs per tx`, value: store.batched.perSecond, unit: 'msg/s', note: 'two multi-row INSERTs per tx' },
    ...(postgresLimits
      ? [
          { metric: "raw PostgreSQL: a message's rows, 1 tx each", value: postgresLimits.oneTransactionPerMessage.perSecond, unit: 'msg/s', note: 'the same rows through pg, one connection' },
          { metric: `raw PostgreSQL: the same, ${BATCH} msgs per tx`, value: postgresLimits.batched.perSecond, unit: 'msg/s', note: 'two multi-row INSERTs per tx' },
        ]
      : []),
  ];
  return {
    params: { profiled: Boolean(PROFILE_DIR), shops: SHOPS, n: N, nBatched: N_BATCH, nRawSocket: N_RAW_SOCKET, warmup: WARMUP, window: WINDOW, batch: BATCH, batchWindow: BATCH_WINDOW, generator: 'own process, HTTP keep-alive / one socket.io client', target: 'hub ≥ 50% of raw socket.io' },
    results: {
      hubWebhookEndToEnd: hub.webhook,
      hubWebhookBatchEndToEnd: hub.webhookBatch,
      hubWebhookBatchAcrossShopsEndToEnd: hub.webhookBatchShops,
      hubWidgetEndToEnd: hub.widget,
      onPostgres: onPostgres ? { ...onPostgres, fractionOfRawSocketIo: fractionsOf(onPostgres) } : { skipped: pgMissing },
      rawSocketIoRelay: raw.socketIo,
      rawHttpRelay: raw.http,
      rawHttpBatchRelay: raw.httpBatch,
      rawPgliteOneTransactionPerMessage: store.oneTransactionPerMessage,
      rawPgliteBatched: store.batched,
      ...(postgresLimits ? { rawPostgresOneTransactionPerMessage: postgresLimits.oneTransactionPerMessage, rawPostgresBatched: postgresLimits.batched } : {}),
      fractionOfRawSocketIo: fractionsOf(hub),
      ...(PROFILE_DIR ? { hubCpuProfiles: profiles } : {}),
      fractionOfRawHttp: { webhook: round(hub.webhook.perSecond / raw.http.perSecond, 3), webhookBatch: round(hub.webhookBatch.perSecond / raw.httpBatch.perSecond, 3) },
    },
    table,
  };
});
