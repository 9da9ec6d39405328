import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BurstProfile } from '../../src-hub/sim/burstProfile.js';
import type { Throughput } from './measure.js';

/** What the generator process is asked to do (see generatorChild.ts). */
export type GeneratorJob =
  /**
   * `requests` signed POSTs, `window` in flight on keep-alive connections; `batch` > 0 posts
   * batches of that many messages. Request i goes to `targets[i % targets.length]` (one per account).
   */
  | { kind: 'webhook'; url: string; targets: Array<{ path: string; secret: string }>; phase: string; requests: number; window: number; batch: number }
  /** `requests` emits of `event` with an ack on one socket.io client, `window` in flight. */
  | { kind: 'socket'; url: string; auth: object; event: string; phase: string; requests: number; window: number }
  /** The 618 surge open-loop through the widget (src-hub/sim/burst.ts); reports when each line left. */
  | { kind: 'burst'; url: string; accountIds: string[]; profile: BurstProfile };

export interface GeneratorReport extends Throughput {
  /** HTTP status (or ack outcome) → count. */
  statuses: Record<string, number>;
  /** Burst only: when line n left, on the monotonic clock `nowMs()` reads (shared by every process on the machine). */
  sentAtMs?: number[];
}

export interface Generator {
  run(job: GeneratorJob): Promise<GeneratorReport>;
  close(): void;
}

const CHILD = fileURLToPath(new URL('./generatorChild.ts', import.meta.url));

/**
 * A load generator in its own process: a benchmark's server and the client that
 * loads it must not share one event loop, or the client's work is billed to the server.
 */
export function startGenerator(): Generator {
  // The parent's loader flags (tsx) come along; a CPU profile of the parent does not.
  const child: ChildProcess = fork(CHILD, [], { execArgv: process.execArgv.filter((flag) => !flag.startsWith('--cpu-prof')), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`load generator exited (${code}) during ${job.kind}`));
        child.once('exit', onExit);
        child.once('message', (message: { ok: true; report: GeneratorReport } | { ok: false; error: string }) => {
          child.off('exit', onExit);
          if (message.ok) resolve(message.report);
          else reject(new Error(`load generator: ${message.error}`));
        });
        child.send(job);
      }),
    close: () => void child.disconnect(),
  };
}
