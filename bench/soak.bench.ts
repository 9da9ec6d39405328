/**
 * Soak: a compressed shift on 20 accounts. One real hub, the workstation core and web
 * host (this process), the production app in Debian's Chromium. Customers on every
 * account write through the real /customer namespace (the hub's simulator); the agent
 * replies now and then through the composer. Every ~2 s: the renderer heap after a
 * forced GC, this process's RSS (hub + core + host) after a forced GC, events pushed,
 * messages stored. After a warm-up third, a line is fitted to heap and RSS: the slope
 * (MB/min) and whether it is flat within noise. Traffic is bounded to fit the runner's time limit.
 */
import { startSimulator } from '../src-hub/sim/simulator.js';
import { runBench, type BenchRow } from './lib/bench.js';
import { chromiumMissing, skipped } from './lib/browserRig.js';
import { diffHeaps, takeHeapSnapshot, type HeapSummary } from './lib/heapSnapshot.js';
import { nodeGc } from './lib/nodeGc.js';
import { startSoakRig, type SoakRig } from './lib/soakRig.js';
import { countStored, takeSample, type SoakSample } from './lib/soakSample.js';
import { linearTrend, type Trend } from './lib/trend.js';

const STARTED = performance.now();
const ACCOUNTS = 20;
const MAX_TRAFFIC_MS = Number(process.env.BENCH_SOAK_MS ?? 70_000);
/**
 * Everything (setup, traffic, teardown) ends by then: the runner kills at 90 s unless
 * BENCH_TIMEOUT_MS says otherwise (a long soak: BENCH_SOAK_MS=600000 BENCH_TIMEOUT_MS=660000).
 */
const BUDGET_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 90_000) - 6_000;
const TEARDOWN_MS = 7_000;
/** The last sample and heap snapshot after the traffic (a snapshot takes seconds under load). */
const FINAL_SNAPSHOT_MS = 25_000;
const SAMPLE_MS = 2_000;
const REPLY_MS = 3_000;
/** One customer message every INTERVAL ms across all accounts (~30-40 msg/s on loopback). */
const INTERVAL_MS = 20;
/** A trend whose whole fitted change stays under this is flat whatever the noise. */
const FLAT_FLOOR_MB = 1;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a conversation of the inbox and sends a reply through the composer (Enter twice if the send guard holds it). */
/** Waits until the page's message count has not moved for 2 s (at most 30 s); the ms it took. */
async function storeSettled(rig: SoakRig): Promise<number> {
  const start = performance.now();
  let last = -1;
  let stillSince = performance.now();
  while (performance.now() - start < 30_000) {
    const n = await rig.page.evaluate(countStored);
    if (n !== last) [last, stillSince] = [n, performance.now()];
    else if (performance.now() - stillSince >= 2_000) break;
    await sleep(250);
  }
  return Math.round(performance.now() - start);
}

async function reply(rig: SoakRig, i: number): Promise<boolean> {
  const rows = rig.page.locator('[data-testid="conversation-row"]');
  const count = await rows.count();
  if (count === 0) return false;
  const id = await rows.nth(i % Math.min(count, 8)).getAttribute('data-conversation', { timeout: 2_000 });
  // By id: the live list may reorder between reading a row and clicking it.
  await rig.page.locator(`[data-testid="conversation-row"][data-conversation="${id}"]`).click({ timeout: 2_000 });
  // As an agent does: type once the conversation is shown (text typed into the one being
  // left goes to that one's draft, and the reply would not be sent).
  await rig.page.locator(`[data-testid="conversation-view"][data-conversation="${id}"]`).waitFor({ timeout: 2_000 });
  const input = rig.page.locator('[data-testid="composer-input"]');
  await input.fill(`您好，已为您查询（第 ${i + 1} 条回复）。Thanks for waiting!`, { timeout: 2_000 });
  await input.press('Enter');
  // The send guard holds a reply when the customer wrote again meanwhile (at ~40 customer
  // messages a minute per conversation, often): a second Enter sends it anyway. Counted
  // as sent only once the composer emptied; a reply still held is left as a draft.
  const guard = rig.page.locator('[data-testid="send-guard"]');
  for (let tries = 0; tries < 10 && (await input.inputValue()) !== ''; tries++) {
    if (await guard.isVisible()) await input.press('Enter');
    else await rig.page.waitForTimeout(50);
  }
  return (await input.inputValue()) === '';
}

runBench(async () => {
  const missing = chromiumMissing();
  if (missing) return skipped(missing);
  const gc = nodeGc();
  const rig = await startSoakRig(ACCOUNTS);
  const setupMs = Math.round(performance.now() - STARTED);
  const trafficMs = Math.min(MAX_TRAFFIC_MS, BUDGET_MS - setupMs - TEARDOWN_MS - FINAL_SNAPSHOT_MS);
  if (trafficMs < 20_000) throw new Error(`setup took ${setupMs} ms: no time left for a soak`);
  const samples: SoakSample[] = [];
  /** Heap snapshots at the end of the warm-up, two thirds in, and at the end: what any growth is made of. */
  const snapshotAt = [trafficMs / 3, (2 * trafficMs) / 3];
  const snapshots: Array<{ t: number; heap: HeapSummary }> = [];
  let repliesSent = 0;
  let replyErrors = 0;
  try {
    const sim = startSimulator({ hubUrl: rig.hub.url, accountIds: rig.accountIds, intervalMs: INTERVAL_MS, maxMessages: 1e9, customersPerAccount: 3 });
    const t0 = performance.now();
    const elapsed = () => performance.now() - t0;
    const counters = () => ({ t: Math.round(elapsed()), events: rig.eventsPushed(), customerSent: sim.sent, repliesSent });
    const sampler = (async () => {
      while (elapsed() < trafficMs) {
        const next = samples.length * SAMPLE_MS;
        if (elapsed() < next) await sleep(next - elapsed());
        samples.push(await takeSample(rig.page, rig.cdp, gc, counters()));
        if (snapshots.length < snapshotAt.length && elapsed() >= snapshotAt[snapshots.length]!) snapshots.push({ t: Math.round(elapsed()), heap: await takeHeapSnapshot(rig.cdp) });
      }
    })();
    const agent = (async () => {
      for (let i = 0; elapsed() < trafficMs - REPLY_MS; i++) {
        await sleep(REPLY_MS);
        const sent = await reply(rig, i).catch((e: unknown) => (replyErrors++, console.error(`soak reply: ${String(e).split('\n')[0]}`), false));
        if (sent) repliesSent++;
      }
    })();
    await Promise.all([sampler, agent]);
    await sim.stop();
    await rig.page.waitForFunction(() => !document.querySelector('[data-testid="offline-banner"]'), null, { timeout: 3_000 }).catch(() => undefined);
    // The renderer may still be storing the last events (an outbox row leaves at the hub's
    // ack, its message.created comes through the sync after): count once the store is still.
    const settledAfterMs = await storeSettled(rig);
    const last = await takeSample(rig.page, rig.cdp, gc, counters());
    snapshots.push({ t: Math.round(elapsed()), heap: await takeHeapSnapshot(rig.cdp) });
    const heapDiffs = snapshots.slice(1).map((s, i) => ({ fromT: snapshots[i]!.t, toT: s.t, ...diffHeaps(snapshots[i]!.heap, s.heap) }));
    const delivered = await rig.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('workstation');
          open.onsuccess = () => {
            const all = open.result.transaction('messages').objectStore('messages').getAll();
            all.onsuccess = () => (resolve((all.result as Array<{ author: { kind: string } }>).filter((m) => m.author.kind === 'agent').length), open.result.close());
          };
        }),
    );

    const warm = samples.filter((s) => s.t >= trafficMs / 3);
    const trend = (key: 'heapMB' | 'rssMB' | 'nodeHeapMB' | 'externalMB') => linearTrend(warm.map((s) => ({ t: s.t, y: s[key] })), FLAT_FLOOR_MB);
    const heap = trend('heapMB');
    const rss = trend('rssMB');
    const nodeHeap = trend('nodeHeapMB');
    const external = trend('externalMB');
    const first = samples[0]!;
    const warmFirst = warm[0]!;
    const verdict = (t: Trend) =>
      `±${t.slopeStdErrPerMin} (1 s.e., widened for residual autocorrelation ${t.residualLag1}; plain ±${t.naiveStdErrPerMin}); ${t.flat ? 'flat within noise' : t.slopePerMin > 0 ? 'GROWS' : 'shrinks'} (fitted change ${t.fittedChange} MB over the window${t.negligible ? ', under 1 MB' : ''})`;
    const table: BenchRow[] = [
      { metric: 'renderer heap (after GC) start / warm / end', value: last.heapMB, unit: 'MB', note: `start ${first.heapMB}, after warm-up ${warmFirst.heapMB}` },
      { metric: 'renderer heap slope after warm-up', value: heap.slopePerMin, unit: 'MB/min', note: verdict(heap) },
      ...heapDiffs.map((d) => ({
        metric: `renderer heap snapshot diff ${Math.round(d.fromT / 1000)}→${Math.round(d.toT / 1000)} s`,
        value: Math.round(d.totalKbDelta) / 1000,
        unit: 'MB',
        note: d.grew.slice(0, 4).map((g) => `${g.key} ${g.kbDelta >= 0 ? '+' : ''}${g.kbDelta} kB (${g.countDelta >= 0 ? '+' : ''}${g.countDelta})`).join(', '),
      })),
      { metric: 'process RSS (hub+core+host) start / warm / end', value: last.rssMB, unit: 'MB', note: `start ${first.rssMB}, after warm-up ${warmFirst.rssMB}` },
      { metric: 'process RSS slope after warm-up', value: rss.slopePerMin, unit: 'MB/min', note: verdict(rss) },
      { metric: 'process JS heap slope after warm-up', value: nodeHeap.slopePerMin, unit: 'MB/min', note: verdict(nodeHeap) },
      { metric: 'process external memory slope (ArrayBuffers, wasm)', value: external.slopePerMin, unit: 'MB/min', note: verdict(external) },
      { metric: 'customer messages sent', value: sim.sent, unit: 'msg', note: `${Math.round((sim.sent / trafficMs) * 60_000)}/min over ${ACCOUNTS} accounts` },
      { metric: 'events pushed to the renderer', value: last.events, unit: 'events' },
      { metric: 'messages stored in IndexedDB', value: last.stored, unit: 'msg' },
      { metric: 'agent replies sent / stored as delivered', value: repliesSent, unit: 'replies', note: `${delivered} agent messages stored (counted once the store was still, ${settledAfterMs} ms after the traffic), ${replyErrors} attempts failed` },
    ];
    return {
      params: { accounts: ACCOUNTS, trafficMs, setupMs, buildMs: rig.buildMs, sampleMs: SAMPLE_MS, replyEveryMs: REPLY_MS, customerIntervalMs: INTERVAL_MS, customersPerAccount: 3, warmupMs: Math.round(trafficMs / 3), flatFloorMB: FLAT_FLOOR_MB },
      results: { heapDiffs, trend: { heapMB: heap, rssMB: rss, nodeHeapMB: nodeHeap, externalMB: external }, customerSent: sim.sent, repliesSent, replyErrors, agentMessagesStored: delivered, final: last, samples },
      table,
    };
  } finally {
    await rig.close();
  }
});
