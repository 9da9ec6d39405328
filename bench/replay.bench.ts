/**
 * Replay: after N message.send (two events each), a fresh agent connects with
 * cursor 0; we time the connect until sync.done. A connect with cursor = head
 * (nothing to replay) gives the fixed handshake + auth cost to subtract.
 * Then the hub is closed and restarted over the same, now non-empty, data dir.
 */
import { startHub } from '../src-hub/index.js';
import { runBench } from './lib/bench.js';
import { call, removeDir, sendInput, startHubRig, type HubRig } from './lib/hubRig.js';
import { median, nowMs, round, windowed } from './lib/measure.js';

const SENDS = 2000;
const WINDOW = 32;
const REPEATS = 5;

async function timeConnect(rig: HubRig, cursor: number): Promise<{ ms: number; events: number }> {
  const start = nowMs();
  const agent = await rig.connectAgent(cursor);
  const ms = nowMs() - start;
  const events = agent.events();
  agent.socket.close();
  return { ms, events };
}

runBench(async () => {
  const rig = await startHubRig();
  let headSeq: number;
  const empty: number[] = [];
  const full: number[] = [];
  let dataDir: string;
  try {
    const writer = await rig.connectAgent(0);
    await windowed(SENDS, WINDOW, async (i) => void (await call(writer.socket, 'message.send', sendInput(rig.conversationId, 'seed', i))));
    writer.socket.close();
    headSeq = (await rig.connectAgent(0)).headSeq;
    await timeConnect(rig, 0); // warm-up: JIT and PGlite caches
    for (let r = 0; r < REPEATS; r++) {
      empty.push((await timeConnect(rig, headSeq)).ms);
      const replay = await timeConnect(rig, 0);
      if (replay.events !== headSeq) throw new Error(`replay sent ${replay.events} events, head is ${headSeq}`);
      full.push(replay.ms);
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

  const replayMs = median(full);
  const handshakeMs = median(empty);
  const netMs = Math.max(replayMs - handshakeMs, 0.001);
  return {
    params: { sends: SENDS, window: WINDOW, repeats: REPEATS, replayPage: 500 },
    results: {
      events: headSeq,
      connectToSyncDoneMs: { cursorHead: { median: round(handshakeMs, 3), runs: empty.map((x) => round(x, 3)) }, cursor0: { median: round(replayMs, 3), runs: full.map((x) => round(x, 3)) } },
      replayEventsPerSecond: round(headSeq / (replayMs / 1000), 1),
      replayEventsPerSecondNetOfHandshake: round(headSeq / (netMs / 1000), 1),
      hubRestartWithDataMs: round(restartMs, 1),
    },
    table: [
      { metric: 'connect → sync.done, nothing to replay', value: round(handshakeMs, 2), unit: 'ms' },
      { metric: `connect → sync.done, replay ${headSeq} events`, value: round(replayMs, 2), unit: 'ms' },
      { metric: 'replay rate (whole connect)', value: round(headSeq / (replayMs / 1000), 0), unit: 'events/s', note: `net of handshake ${round(headSeq / (netMs / 1000), 0)}/s` },
      { metric: `hub restart over dir with ${headSeq} events`, value: round(restartMs, 1), unit: 'ms' },
    ],
  };
});
