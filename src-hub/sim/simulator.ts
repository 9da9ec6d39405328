import { io, type Socket } from 'socket.io-client';
import { CustomerEvents } from '../../src-shared/hub/customer.js';
import { CUSTOMER_NAMESPACE } from '../../src-shared/hub/events.js';
import { CUSTOMER_LINES, CUSTOMER_NAMES } from './customerLines.js';

export interface SimulatorOptions {
  hubUrl: string;
  accountIds: string[];
  /** Pause between two messages (across all simulated customers). */
  intervalMs: number;
  /** Stops by itself after this many messages; default 50. */
  maxMessages?: number;
  customersPerAccount?: number;
  /** A seeded random for reproducible runs; Math.random by default. */
  random?: () => number;
}

export interface Simulator {
  /** Messages sent so far (acknowledged by the hub). */
  readonly sent: number;
  /** Resolves when the simulator stops by itself (maxMessages reached) or is stopped. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Plays a few web-chat customers through the real /customer namespace, one
 * message per interval, so a demo inbox fills with believable traffic.
 */
export function startSimulator(options: SimulatorOptions): Simulator {
  const random = options.random ?? Math.random;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const maxMessages = options.maxMessages ?? 50;
  const customers: Socket[] = options.accountIds.flatMap((accountId) =>
    Array.from({ length: options.customersPerAccount ?? 3 }, (_, index) =>
      io(`${options.hubUrl}${CUSTOMER_NAMESPACE}`, {
        transports: ['websocket'],
        auth: { accountId, visitorId: `sim-${accountId}-${index}-${Math.floor(random() * 1e9)}`, name: pick(CUSTOMER_NAMES) },
      }),
    ),
  );

  let sent = 0;
  let timer: NodeJS.Timeout | null = null;
  let markFinished = () => {};
  const finished = new Promise<void>((resolve) => (markFinished = resolve));

  const stop = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    customers.forEach((socket) => socket.close());
    markFinished();
  };

  const tick = async () => {
    const customer = pick(customers);
    if (customer?.connected) {
      const reply = (await customer.timeout(5000).emitWithAck(CustomerEvents.send, { text: pick(CUSTOMER_LINES) }).catch(() => null)) as {
        ok?: boolean;
      } | null;
      if (reply?.ok) sent += 1;
    }
    if (sent >= maxMessages) return void stop();
    if (timer !== null) timer = setTimeout(() => void tick(), options.intervalMs);
  };
  timer = setTimeout(() => void tick(), options.intervalMs);

  return {
    get sent() {
      return sent;
    },
    finished,
    stop,
  };
}
