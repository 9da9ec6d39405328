import { z } from 'zod';
import {
  HubCommands,
  type HubCommandInput,
  type HubCommandName,
  type HubCommandOutput,
} from '../../../src-shared/hub/commands.js';
import { describeZodError, err, ErrorInfo, ok, type ErrorCode, type Result } from '../../../src-shared/result.js';
import type { Clock } from '../ports/clock.js';
import type { HubSocket } from './hubSocket.js';

type Settle = (result: Result<unknown>) => void;

const Refused = z.object({ ok: z.literal(false), error: ErrorInfo });

/**
 * Parses an ack with the command's schema; `{ ok: true, ...output }` → `ok(output)`.
 * Picks the branch by `ok` first so a bad ack names its failing field.
 */
export function parseAck<K extends HubCommandName>(name: K, ack: unknown): Result<HubCommandOutput<K>> {
  const okAck = (ack as { ok?: unknown } | null)?.ok === true;
  const schema = okAck ? (HubCommands[name].output as z.ZodObject).extend({ ok: z.literal(true) }) : Refused;
  const parsed = schema.safeParse(ack);
  if (!parsed.success) return err('internal', `malformed ${name} ack: ${describeZodError(parsed.error)}`);
  if (!okAck) {
    const { error } = parsed.data as z.infer<typeof Refused>;
    return err(error.code, error.message);
  }
  const { ok: _ok, ...value } = parsed.data as Record<string, unknown>;
  return ok(value as HubCommandOutput<K>);
}

/** Emits hub commands with an ack and a timeout; fails whatever is pending on disconnect. */
export class CommandSender {
  private readonly pending = new Map<number, Settle>();
  private nextId = 0;

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  send<K extends HubCommandName>(
    socket: HubSocket,
    name: K,
    input: HubCommandInput<K>,
  ): Promise<Result<HubCommandOutput<K>>> {
    return new Promise((resolve) => {
      const id = (this.nextId += 1);
      const settle: Settle = (result) => {
        if (!this.pending.delete(id)) return;
        this.clock.clearTimeout(timer);
        resolve(result as Result<HubCommandOutput<K>>);
      };
      const timer = this.clock.setTimeout(
        () => settle(err('timeout', `${name}: no answer from the hub within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      this.pending.set(id, settle);
      socket.emit(name, input, (ack: unknown) => settle(parseAck(name, ack)));
    });
  }

  /** The socket went away: the hub may or may not have the command; the caller retries (idempotent). */
  failAll(code: ErrorCode, message: string): void {
    for (const settle of [...this.pending.values()]) settle(err(code, message));
  }
}
