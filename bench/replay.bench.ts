/**
 * Replay: after N message.send (two events each), a fresh agent connects with
 * cursor 0; we time the connect until sync.done, with events in batched frames
 * (as the workstation asks) and one frame per event, interleaved. A connect with cursor = head
 * (nothing to replay) gives the fixed handshake + auth cost to subtract.
 * Then the hub is closed and restarted over the same, now non-empty, data dir.
 */
import type { EventFraming } from '../src-shared/hub/commands.js';
import { startHub } from '../src-hub/index.js';
import { runBench } from './lib/bench.js';
import { call, removeDir, sendInput, startHubRig, type HubRig } from './lib/hubRig.js';
import { median, nowMs, round, windowed } from './lib/measure.js';

const SENDS = 2000;
const WINDOW = 32;
const REPEATS = 5;
const FRAMINGS: EventFraming[] = ['batched', 'single'];

async function timeConnect(rig: HubRig, cursor: number, frames: EventFraming): Promise<{ ms: number; events: number }> {
  const start = nowMs();
  const agent = await rig.connectAgent(cursor, frames);
  const ms = nowMs() - start;
  const events = agent.events();
  agent.socket.close();
  return { ms, events };
}

/** The connect times of one framing, `REPEATS` times each, alternating with the other framing's. */
interface Timings {
  empty: number[];
  full: number[];
}

runBench(async () => {
  const rig = await startHubRig();
  let headSeq: number;
  const timings: Record<EventFraming, Timings> = { single: { empty: [], full: [] }, batched: { empty: [], full: [] } };
  let dataDir: string;
  try {
    const writer = await rig.connectAgent(0);
    await windowed(SENDS, WINDOW, async (i) => void (await call(writer.socket, 'message.send', sendInput(rig.conversationId, 'seed', i))));
    writer.socket.close();
    headSeq = (await rig.connectAgent(0)).headSeq;
    for (const frames of FRAMINGS) await timeConnect(rig, 0, frames); // warm-up: JIT and PGlite caches
    for (let r = 0; r < REPEATS; r++) {
      // Interleaved, so a slow stretch of the machine does not land on one framing only.
      for (const frames of FRAMINGS) {
        timings[frames].empty.push((await timeConnect(rig, headSeq, frames)).ms);
        const replay = await timeConnect(rig, 0, frames);
        if (replay.events !== headSeq) throw new Error(`${frames} replay sent ${replay.events} events, head is ${headSeq}`);
        timings[frames].full.push(replay.ms);
      }
    }
  } finally {
    dataDir = rig.dataDir;
    await rig.close({ keepDir: true });
  }

  // A restart over the same data dir: PGlite reopen with ~2×SENDS events, migrations already applied.
  let restartMs: number;
  try {
    const start = nowMs();
    const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir });
    restartMs = nowMs() - start;
    await hub.close();
  } finally {
    await removeDir(dataDir);
  }

  const summary = (t: Timings) => {
    const replayMs = median(t.full);
    const handshakeMs = median(t.empty);
    const netMs = Math.max(replayMs - handshakeMs, 0.001);
    return {
      connectToSyncDoneMs: { cursorHead: { median: round(handshakeMs, 3), runs: t.empty.map((x) => round(x, 3)) }, cursor0: { median: round(replayMs, 3), runs: t.full.map((x) => round(x, 3)) } },
      replayEventsPerSecond: round(headSeq / (replayMs / 1000), 1),
      replayEventsPerSecondNetOfHandshake: round(headSeq / (netMs / 1000), 1),
    };
  };
  const single = summary(timings.single);
  const batched = summary(timings.batched);
  const rows = (label: EventFraming, r: typeof single) => [
    { metric: `${label}: connect → sync.done, nothing to replay`, value: r.connectToSyncDoneMs.cursorHead.median, unit: 'ms' },
    { metric: `${label}: connect → sync.done, replay ${headSeq} events`, value: r.connectToSyncDoneMs.cursor0.median, unit: 'ms' },
    { metric: `${label}: replay rate (whole connect)`, value: round(r.replayEventsPerSecond, 0), unit: 'events/s', note: `net of handshake ${round(r.replayEventsPerSecondNetOfHandshake, 0)}/s` },
  ];
  return {
    params: { sends: SENDS, window: WINDOW, repeats: REPEATS, replayPage: 500, framings: FRAMINGS },
    results: {
      events: headSeq,
      // The workstation's framing first; `single` is one `event` frame per event (clients that did not ask for batches).
      batched,
      single,
      batchedOverSingle: round(batched.replayEventsPerSecond / single.replayEventsPerSecond, 2),
      hubRestartWithDataMs: round(restartMs, 1),
    },
    table: [
      ...rows('batched', batched),
      ...rows('single', single),
      { metric: `hub restart over dir with ${headSeq} events`, value: round(restartMs, 1), unit: 'ms' },
    ],
  };
});
