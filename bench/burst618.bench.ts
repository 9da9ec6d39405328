/**
 * Event latency under a 618 surge on one hub node: simulated shoppers on the
 * widget socket, sent open-loop at the profile's rate (ramp, then 2,000 msgs/s),
 * each line timed from leaving the shopper to its `message.created` reaching a
 * connected agent socket. The shoppers run in the load generator's own process
 * (so their sending never holds up the hub's event loop); both processes read the
 * same monotonic clock. Then the same at the rate the hub actually sustained, so
 * the latency at a rate it keeps up with is measured too. Bounded in count and time.
 */
import { startHub } from '../src-hub/index.js';
import type { BurstProfile } from '../src-hub/sim/burstProfile.js';
import { runBench, type BenchRow } from './lib/bench.js';
import { startGenerator, type Generator } from './lib/generator.js';
import type { Socket } from 'socket.io-client';
import { makeTempDir, onHubEvent, openAgentSocket, removeDir, waitFor } from './lib/hubRig.js';
import { nowMs, round, summarize, type LatencySummary } from './lib/measure.js';
import { startRawRelay } from './lib/rawRelay.js';

const PEAK: BurstProfile = { peakPerSecond: 2_000, rampMs: 1_000, holdMs: 9_000, maxMessages: 19_000 };
/** After the burst's last line, how long the agent may still receive (the backlog drains). */
const DRAIN_LIMIT_MS = 30_000;
const MARK = /#b(\d+)$/;
const ACCOUNT = 'bench-618';

interface Phase {
  profile: BurstProfile;
  issued: number;
  offeredPerSecond: number;
  /** Lines that reached the agent socket, and per second over the whole phase (first send to last arrival). */
  received: number;
  deliveredPerSecond: number;
  /** Received within the drain limit after the burst: the rest were still queued in the hub. */
  lost: number;
  ackFailures: number;
  latency: LatencySummary;
}

/** Plays `profile` from the generator at `url` and times each line to its `event` on `receiver` (an /agent socket). */
async function timeBurst(generator: Generator, url: string, receiver: Socket, profile: BurstProfile): Promise<Phase> {
  const arrivedAt: number[] = [];
  let received = 0;
  onHubEvent(receiver, (event) => {
    if (event.type !== 'message.created' || (event.data.author && event.data.author.kind !== 'customer')) return;
    const n = Number(MARK.exec(event.data.text ?? '')?.[1]);
    if (!Number.isInteger(n) || arrivedAt[n] !== undefined) return;
    arrivedAt[n] = nowMs();
    received++;
  });
  const report = await generator.run({ kind: 'burst', url, accountIds: [ACCOUNT], profile });
  const deadline = nowMs() + DRAIN_LIMIT_MS;
  while (received < report.n && nowMs() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const sentAt = report.sentAtMs ?? [];
  const latencies = sentAt.flatMap((sent, n) => (arrivedAt[n] === undefined ? [] : [arrivedAt[n]! - sent]));
  const lastArrival = Math.max(...arrivedAt.filter((at) => at !== undefined));
  return {
    profile,
    issued: report.n,
    offeredPerSecond: report.perSecond,
    received,
    deliveredPerSecond: round(received / ((lastArrival - sentAt[0]!) / 1000), 1),
    lost: report.n - received,
    ackFailures: report.statuses.failed ?? 0,
    latency: summarize(latencies),
  };
}

async function hubPhase(generator: Generator, profile: BurstProfile): Promise<Phase> {
  const dir = await makeTempDir('burst');
  const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: dir, limits: { agentCommands: null, customerMessages: null } });
  try {
    await hub.admin.createAccount({ id: ACCOUNT, name: '618 Shop', channel: 'webchat' });
    const { token } = await hub.admin.issueToken({ accountId: ACCOUNT, personId: 'agent-1', personName: 'Bench Agent', role: 'agent' });
    const agent = openAgentSocket(`${hub.url}/agent`, { accountId: ACCOUNT, token, cursor: 0 });
    await waitFor(agent, 'sync.done', 'agent sync.done');
    try {
      return await timeBurst(generator, hub.url, agent, profile);
    } finally {
      agent.close();
    }
  } finally {
    await hub.close();
    await removeDir(dir);
  }
}

/** The same surge through a bare socket.io relay (acks and forwards, stores nothing): what the transport alone gives. */
async function rawPhase(generator: Generator, profile: BurstProfile): Promise<Phase> {
  const relay = await startRawRelay();
  try {
    return await timeBurst(generator, relay.url, relay.receiver, profile);
  } finally {
    await relay.close();
  }
}

runBench(async () => {
  const generator = startGenerator();
  try {
    return await measure(generator);
  } finally {
    generator.close();
  }
});

async function measure(generator: Generator) {
  const raw = await rawPhase(generator, PEAK);
  const peak = await hubPhase(generator, PEAK);
  // The rate it kept up with, a little under what it delivered, for as long as the peak's hold.
  const sustainable = Math.max(10, Math.floor(peak.deliveredPerSecond * 0.8));
  const kept = await hubPhase(generator, { peakPerSecond: sustainable, rampMs: 1_000, holdMs: 9_000, maxMessages: Math.ceil(sustainable * 9.5) });
  const row = (name: string, p: Phase): BenchRow[] => [
    { metric: `${name}: offered → delivered`, value: p.deliveredPerSecond, unit: 'msg/s', note: `offered ${p.offeredPerSecond}/s, ${p.issued} lines, ${p.lost} not delivered within ${DRAIN_LIMIT_MS / 1000} s` },
    { metric: `${name}: event latency p50 / p99`, value: p.latency.p50Ms, unit: 'ms', note: `p99 ${p.latency.p99Ms} ms, max ${p.latency.maxMs} ms` },
  ];
  return {
    params: { peak: PEAK, drainLimitMs: DRAIN_LIMIT_MS, sustainedPhaseRate: sustainable, generator: 'own process (src-hub/sim/burst.ts), one clock' },
    results: { rawSocketIo: raw, peak, sustained: kept },
    table: [...row(`raw socket.io relay at ${PEAK.peakPerSecond}/s`, raw), ...row(`hub: 618 at ${PEAK.peakPerSecond}/s`, peak), ...row(`hub at ${sustainable}/s`, kept)],
  };
}
