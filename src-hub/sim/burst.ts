import { io, type Socket } from 'socket.io-client';
import { CustomerEvents } from '../../src-shared/hub/customer.js';
import { CUSTOMER_NAMESPACE } from '../../src-shared/hub/events.js';
import { burstDurationMs, checkBurstProfile, messagesDueBy, type BurstProfile } from './burstProfile.js';
import { CUSTOMER_LINES, CUSTOMER_NAMES } from './customerLines.js';

export interface BurstOptions {
  hubUrl: string;
  accountIds: string[];
  profile: BurstProfile;
  /** Simulated shoppers per account; default enough that none writes faster than 4 lines a second. */
  customersPerAccount?: number;
  /** Appended to the n-th line (e.g. a marker a benchmark matches); nothing by default. */
  tag?: (n: number) => string;
  /** Called as each line leaves, with its number and the text sent. */
  onIssued?: (n: number, text: string) => void;
  random?: () => number;
  /** Pacing step. Default 10 ms. */
  tickMs?: number;
}

export interface Burst {
  /** Lines sent (emitted), acknowledged by the hub, and refused or timed out. */
  readonly issued: number;
  readonly acked: number;
  readonly failed: number;
  /** Resolves when the profile ran out (every ack in or timed out) or stop() was called. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const ACK_TIMEOUT_MS = 10_000;

/**
 * Plays a 618 surge through the real /customer namespace: many shoppers, lines
 * sent open-loop at the profile's rate (not waiting for acks, as real shoppers
 * don't). Loopback hubs only: this is a load generator, not for someone's server.
 */
export function startBurst(options: BurstOptions): Burst {
  const refusal = checkBurstProfile(options.profile);
  if (refusal) throw new Error(`burst profile refused: ${refusal}`);
  if (!LOOPBACK.has(new URL(options.hubUrl).hostname)) throw new Error(`the burst runs against a loopback hub only, not ${options.hubUrl}`);
  const random = options.random ?? Math.random;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const perAccount = options.customersPerAccount ?? Math.max(1, Math.ceil(options.profile.peakPerSecond / 4 / options.accountIds.length));
  const customers: Socket[] = options.accountIds.flatMap((accountId) =>
    Array.from({ length: perAccount }, (_, index) =>
      io(`${options.hubUrl}${CUSTOMER_NAMESPACE}`, {
        transports: ['websocket'],
        auth: { accountId, visitorId: `burst-${accountId}-${index}-${Math.floor(random() * 1e9)}`, name: pick(CUSTOMER_NAMES) },
      }),
    ),
  );

  const counts = { issued: 0, acked: 0, failed: 0 };
  let timer: NodeJS.Timeout | null = null;
  let startedAt = 0;
  let markFinished = () => {};
  const finished = new Promise<void>((resolve) => (markFinished = resolve));
  const stop = async () => {
    if (timer) clearInterval(timer);
    timer = null;
    customers.forEach((socket) => socket.close());
    markFinished();
  };
  const maybeDone = () => {
    const allIssued = counts.issued >= options.profile.maxMessages || Date.now() - startedAt >= burstDurationMs(options.profile);
    if (timer === null && allIssued && counts.acked + counts.failed >= counts.issued) void stop();
  };

  const send = (n: number) => {
    const customer = customers[n % customers.length]!;
    const text = `${pick(CUSTOMER_LINES)}${options.tag?.(n) ?? ''}`;
    counts.issued += 1;
    options.onIssued?.(n, text);
    customer.timeout(ACK_TIMEOUT_MS).emit(CustomerEvents.send, { text }, (error: Error | null, reply?: { ok?: boolean }) => {
      if (!error && reply?.ok) counts.acked += 1;
      else counts.failed += 1;
      maybeDone();
    });
  };

  const tick = () => {
    const elapsed = Date.now() - startedAt;
    const due = messagesDueBy(options.profile, elapsed);
    while (counts.issued < due) send(counts.issued);
    if (elapsed >= burstDurationMs(options.profile) || counts.issued >= options.profile.maxMessages) {
      if (timer) clearInterval(timer);
      timer = null;
      maybeDone();
    }
  };

  // Shoppers connect first; the clock of the profile starts once they all have.
  Promise.all(customers.map((socket) => new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once('connect', () => resolve()))))).then(() => {
    if (customers.every((socket) => !socket.active)) return; // stopped while connecting
    startedAt = Date.now();
    timer = setInterval(tick, options.tickMs ?? 10);
  });

  return {
    get issued() {
      return counts.issued;
    },
    get acked() {
      return counts.acked;
    },
    get failed() {
      return counts.failed;
    },
    finished,
    stop,
  };
}
