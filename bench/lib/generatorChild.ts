/**
 * The load generator's own process (forked by generator.ts): it signs and posts
 * webhooks over keep-alive HTTP, or emits on a socket.io client, so its CPU never
 * comes out of the server's event loop it is measuring. One job per IPC message,
 * one report back.
 */
import { Agent, request } from 'node:http';
import { io } from 'socket.io-client';
import { signedHeaders } from '../../src-hub/adapters/webhook/signature.js';
import { startBurst } from '../../src-hub/sim/burst.js';
import type { GeneratorJob, GeneratorReport } from './generator.js';
import { nowMs, round, windowed } from './measure.js';
import { webhookBody } from './webhookLoad.js';

/** One signed POST on a keep-alive connection; resolves with the status, rejects on a socket error. */
function post(agent: Agent, url: URL, path: string, secret: string, raw: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, path, method: 'POST', headers: signedHeaders(secret, raw, Date.now()) }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(raw);
  });
}

async function webhookJob(job: Extract<GeneratorJob, { kind: 'webhook' }>): Promise<GeneratorReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.window });
  const url = new URL(job.url);
  const statuses: Record<string, number> = {};
  try {
    const result = await windowed(job.requests, job.window, async (i) => {
      const target = job.targets[i % job.targets.length]!;
      const status = await post(agent, url, target.path, target.secret, JSON.stringify(webhookBody(job.phase, i, job.batch)));
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
    return { ...result, statuses };
  } finally {
    agent.destroy();
  }
}

async function socketJob(job: Extract<GeneratorJob, { kind: 'socket' }>): Promise<GeneratorReport> {
  const socket = io(job.url, { auth: job.auth, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const statuses: Record<string, number> = {};
    const result = await windowed(job.requests, job.window, async (i) => {
      const reply = (await socket.timeout(10_000).emitWithAck(job.event, { text: `在吗？订单 #${job.phase}-${i}` })) as { ok?: boolean };
      const key = reply?.ok ? 'ok' : 'refused';
      statuses[key] = (statuses[key] ?? 0) + 1;
    });
    return { ...result, statuses };
  } finally {
    socket.close();
  }
}

async function burstJob(job: Extract<GeneratorJob, { kind: 'burst' }>): Promise<GeneratorReport> {
  const sentAtMs: number[] = [];
  const burst = startBurst({ hubUrl: job.url, accountIds: job.accountIds, profile: job.profile, tag: (n) => ` #b${n}`, onIssued: (n) => (sentAtMs[n] = nowMs()) });
  await burst.finished;
  const seconds = sentAtMs.length > 1 ? (sentAtMs.at(-1)! - sentAtMs[0]!) / 1000 : 0;
  return {
    n: burst.issued,
    window: 0,
    seconds: round(seconds, 3),
    perSecond: seconds > 0 ? round(burst.issued / seconds, 1) : 0,
    statuses: { acked: burst.acked, failed: burst.failed },
    sentAtMs,
  };
}

const run = (job: GeneratorJob): Promise<GeneratorReport> =>
  job.kind === 'webhook' ? webhookJob(job) : job.kind === 'socket' ? socketJob(job) : burstJob(job);

process.on('message', (job: GeneratorJob) => {
  run(job).then(
    (report) => process.send!({ ok: true, report }),
    (error: unknown) => process.send!({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
