/**
 * Event latency under a 618 surge on one hub node: simulated shoppers on the
 * widget socket, sent open-loop at the profile's rate (ramp, then 2,000 msgs/s),
 * each line timed from leaving the shopper to its `message.created` reaching a
 * connected agent socket. Then the same at the rate the hub actually sustained,
 * so the latency at a rate it keeps up with is measured too. Bounded in count and time.
 */
import { startHub } from '../src-hub/index.js';
import { startBurst } from '../src-hub/sim/burst.js';
import type { BurstProfile } from '../src-hub/sim/burstProfile.js';
import { runBench, type BenchRow } from './lib/bench.js';
import { makeTempDir, openSocket, removeDir, waitFor } from './lib/hubRig.js';
import { nowMs, round, summarize, type LatencySummary } from './lib/measure.js';

const PEAK: BurstProfile = { peakPerSecond: 2_000, rampMs: 1_000, holdMs: 9_000, maxMessages: 19_000 };
/** After the burst's last line, how long the agent may still receive (the backlog drains). */
const DRAIN_LIMIT_MS = 30_000;
const MARK = /#b(\d+)$/;

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

async function runPhase(profile: BurstProfile): Promise<Phase> {
  const dir = await makeTempDir('burst');
  const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: dir, limits: { agentCommands: null, customerMessages: null } });
  try {
    await hub.admin.createAccount({ id: 'bench-618', name: '618 Shop', channel: 'webchat' });
    const { token } = await hub.admin.issueToken({ accountId: 'bench-618', personId: 'agent-1', personName: 'Bench Agent', role: 'agent' });
    const agent = openSocket(`${hub.url}/agent`, { accountId: 'bench-618', token, cursor: 0 });
    await waitFor(agent, 'sync.done', 'agent sync.done');
    const sentAt: number[] = [];
    const latencies: number[] = [];
    let lastArrival = 0;
    agent.on('event', (event: { type: string; data: { text?: string; author?: { kind: string } } }) => {
      if (event.type !== 'message.created' || event.data.author?.kind !== 'customer') return;
      const n = Number(MARK.exec(event.data.text ?? '')?.[1]);
      if (!Number.isInteger(n) || sentAt[n] === undefined) return;
      lastArrival = nowMs();
      latencies.push(lastArrival - sentAt[n]!);
    });
    const burst = startBurst({ hubUrl: hub.url, accountIds: ['bench-618'], profile, tag: (n) => ` #b${n}`, onIssued: (n) => (sentAt[n] = nowMs()) });
    const first = new Promise<number>((resolve) => {
      const poll = setInterval(() => sentAt.length > 0 && (clearInterval(poll), resolve(sentAt[0]!)), 5);
    });
    const started = await first;
    await burst.finished;
    const deadline = nowMs() + DRAIN_LIMIT_MS;
    while (latencies.length < burst.issued && nowMs() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const lastSent = sentAt.at(-1) ?? started;
    agent.close();
    return {
      profile,
      issued: burst.issued,
      offeredPerSecond: round(burst.issued / ((lastSent - started) / 1000), 1),
      received: latencies.length,
      deliveredPerSecond: round(latencies.length / ((lastArrival - started) / 1000), 1),
      lost: burst.issued - latencies.length,
      ackFailures: burst.failed,
      latency: summarize(latencies),
    };
  } finally {
    await hub.close();
    await removeDir(dir);
  }
}

runBench(async () => {
  const peak = await runPhase(PEAK);
  // The rate it kept up with, a little under what it delivered, for as long as the peak's hold.
  const sustainable = Math.max(10, Math.floor(peak.deliveredPerSecond * 0.8));
  const kept = await runPhase({ peakPerSecond: sustainable, rampMs: 1_000, holdMs: 9_000, maxMessages: Math.ceil(sustainable * 9.5) });
  const row = (name: string, p: Phase): BenchRow[] => [
    { metric: `${name}: offered → delivered`, value: p.deliveredPerSecond, unit: 'msg/s', note: `offered ${p.offeredPerSecond}/s, ${p.issued} lines, ${p.lost} not delivered within ${DRAIN_LIMIT_MS / 1000} s` },
    { metric: `${name}: event latency p50 / p99`, value: p.latency.p50Ms, unit: 'ms', note: `p99 ${p.latency.p99Ms} ms, max ${p.latency.maxMs} ms` },
  ];
  return {
    params: { peak: PEAK, drainLimitMs: DRAIN_LIMIT_MS, sustainedPhaseRate: sustainable },
    results: { peak, sustained: kept },
    table: [...row(`618 at ${PEAK.peakPerSecond}/s`, peak), ...row(`at ${sustainable}/s`, kept)],
  };
});
