/**
 * message.send on a real hub: sequential round trips and windowed throughput,
 * against three references measured in the same process right after:
 * bare socket.io (ack only, and ack plus the hub's per-send pushes), the hub's
 * write path in-process without socket.io, and a bare one-row PGlite transaction.
 */
import { openRawStore, startRawSocketServer } from './lib/baselines.js';
import { pct, runBench, type BenchRow } from './lib/bench.js';
import { openHubCore } from './lib/hubCore.js';
import { call, onHubEvent, sendInput, startHubRig } from './lib/hubRig.js';
import { round, sequential, summarize, windowed, type LatencySummary, type Throughput } from './lib/measure.js';

const N = 2000;
const WINDOW = 32;
const WARMUP = 200;
/** Windowed runs are repeated and the median kept: the raw socket.io run lasts well under 100 ms. */
const REPEATS = 3;

interface Measured {
  latency: LatencySummary;
  sequentialPerSecond: number;
  /** The median of REPEATS windowed runs. */
  windowed: Throughput;
  windowedRuns: number[];
}

/** Warm up, then N one at a time, then N with WINDOW in flight. */
async function measure(op: (phase: string, i: number) => Promise<void>): Promise<Measured> {
  await sequential(WARMUP, (i) => op('warm', i));
  const samples = await sequential(N, (i) => op('seq', i));
  const latency = summarize(samples);
  const total = samples.reduce((sum, x) => sum + x, 0) / 1000;
  const runs: Throughput[] = [];
  for (let r = 0; r < REPEATS; r++) runs.push(await windowed(N, WINDOW, (i) => op(`win${r}`, i)));
  const sorted = [...runs].sort((a, b) => a.perSecond - b.perSecond);
  return { latency, sequentialPerSecond: round(N / total, 1), windowed: sorted[Math.floor(REPEATS / 2)]!, windowedRuns: runs.map((t) => t.perSecond) };
}

runBench(async () => {
  // 1. The hub, end to end over loopback.
  const rig = await startHubRig();
  let hub: Measured;
  let sample: { input: unknown; ack: unknown; pushes: Array<[string, unknown]> };
  let fanOut: { agentEvents: number; customerMessages: number; expectedPerSend: { agentEvents: number; customerMessages: number } };
  try {
    const agent = await rig.connectAgent(0);
    const lastEvent = new Map<string, unknown>();
    onHubEvent(agent.socket, (event) => lastEvent.set(event.type, event));
    const before = { events: agent.events(), customer: rig.customerMessages() };
    let ack: unknown;
    hub = await measure(async (phase, i) => {
      ack = await call(agent.socket, 'message.send', sendInput(rig.conversationId, phase, i));
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the last pushes land before counting
    const sends = WARMUP + N + REPEATS * N;
    fanOut = {
      agentEvents: agent.events() - before.events,
      customerMessages: rig.customerMessages() - before.customer,
      expectedPerSend: { agentEvents: 2, customerMessages: 1 },
    };
    if (fanOut.agentEvents !== 2 * sends) throw new Error(`agent got ${fanOut.agentEvents} events for ${sends} sends, expected ${2 * sends}`);
    sample = { input: sendInput(rig.conversationId, 'seq', 0), ack, pushes: [['events', { events: [...lastEvent.values()] }]] }; // one frame, as the hub batches a send's two events
  } finally {
    await rig.close();
  }

  // 2. Bare socket.io, same request and ack bytes; then with the hub's two pushes per send.
  const raw = await startRawSocketServer({ ackReply: sample.ack });
  const rawSocket = await measure(async (phase, i) => void (await call(raw.client, 'message.send', sendInput('c_raw', phase, i)))).finally(raw.close);
  const rawFan = await startRawSocketServer({ ackReply: sample.ack, pushes: sample.pushes });
  const rawFanOut = await measure(async (phase, i) => void (await call(rawFan.client, 'message.send', sendInput('c_raw', phase, i)))).finally(rawFan.close);

  // 3. The hub's write path without socket.io.
  const core = await openHubCore();
  const hubCore = await measure((phase, i) => core.send(phase, i)).finally(core.close);

  // 4. Bare PGlite: one INSERT per transaction, message-sized jsonb.
  const doc = (sample.ack as { message: unknown }).message;
  const store = await openRawStore(doc);
  let id = 0;
  const rawPglite = await measure(() => store.insert(++id)).finally(store.close);

  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  const hubTput = hub.windowed.perSecond;
  const row = (metric: string, m: Measured): BenchRow[] => [
    { metric: `${metric} p50 / p99`, value: m.latency.p50Ms, unit: 'ms', note: `p99 ${m.latency.p99Ms} ms` },
    { metric: `${metric} throughput (w=${WINDOW})`, value: m.windowed.perSecond, unit: 'msg/s', note: m === hub ? `sequential ${m.sequentialPerSecond}/s` : `hub = ${pct(hubTput, m.windowed.perSecond)}% of this` },
  ];
  return {
    params: { n: N, window: WINDOW, warmup: WARMUP, windowedRepeats: REPEATS, requestBytes: bytes(sample.input), ackBytes: bytes(sample.ack), pushBytes: sample.pushes.map(([, p]) => bytes(p)) },
    results: {
      hub,
      rawSocketIo: rawSocket,
      rawSocketIoWithPushes: rawFanOut,
      hubCoreInProcess: hubCore,
      rawPgliteInsert: rawPglite,
      hubFanOut: fanOut,
      hubThroughputFraction: {
        ofRawSocketIo: round(hubTput / rawSocket.windowed.perSecond, 3),
        ofRawSocketIoWithPushes: round(hubTput / rawFanOut.windowed.perSecond, 3),
        ofHubCoreInProcess: round(hubTput / hubCore.windowed.perSecond, 3),
        ofRawPgliteInsert: round(hubTput / rawPglite.windowed.perSecond, 3),
      },
    },
    table: [...row('hub message.send', hub), ...row('raw socket.io ack', rawSocket), ...row('raw socket.io ack + 2 pushes', rawFanOut), ...row('hub core in-process', hubCore), ...row('raw PGlite 1-row tx', rawPglite)],
  };
});
