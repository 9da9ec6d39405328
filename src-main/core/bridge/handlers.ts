import {
  BridgeCalls,
  type BridgeCallName,
  type CallInput,
  type CallOutput,
  bridgeCallNames,
  isBridgeCallName,
} from '../../../src-shared/bridge/contract.js';
import { describeZodError, err, type Result } from '../../../src-shared/result.js';
import type { Logger } from '../ports/logger.js';

/** What the bridge needs from the core, with inputs already validated. */
export type BridgeOperations = {
  [K in BridgeCallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};

/** Untrusted input in, a Result out; never throws. */
export type BridgeHandler = (input: unknown) => Promise<Result<unknown>>;
export type BridgeHandlerTable = Readonly<Record<BridgeCallName, BridgeHandler>>;

export interface BridgeHandlers {
  /** One handler per contract call, for hosts that register calls by name (Electron IPC). */
  readonly table: BridgeHandlerTable;
  /** Dispatch by a name that came off the wire: unknown names → `unknown-call`. */
  invoke(name: unknown, input: unknown): Promise<Result<unknown>>;
}

function handlerFor<K extends BridgeCallName>(name: K, operations: BridgeOperations, log: Logger): BridgeHandler {
  const { input: inputSchema, output: outputSchema } = BridgeCalls[name];
  const operation = operations[name] as (input: unknown) => Promise<Result<unknown>>;
  return async (raw) => {
    const input = inputSchema.safeParse(raw);
    if (!input.success) return err('validation', describeZodError(input.error));
    try {
      const result = await operation(input.data);
      if (!result.ok) return result;
      // Main checks its own answers too: a drift from the contract is our bug, not the renderer's.
      const output = outputSchema.safeParse(result.value);
      if (output.success) return { ok: true, value: output.data };
      log.error('bridge output does not match the contract', { call: name, field: describeZodError(output.error) });
      return err('internal', `${name}: invalid output`);
    } catch (error) {
      log.error('bridge call failed', { call: name, error: (error as Error)?.message ?? String(error) });
      return err('internal', `${name} failed`);
    }
  };
}

/** The one table of bridge calls that both Electron IPC and the web host serve. */
export function createBridgeHandlers(operations: BridgeOperations, log: Logger): BridgeHandlers {
  const table = Object.fromEntries(
    bridgeCallNames.map((name) => [name, handlerFor(name, operations, log)]),
  ) as Record<BridgeCallName, BridgeHandler>;
  return {
    table: Object.freeze(table),
    invoke: async (name, input) => {
      if (!isBridgeCallName(name)) return err('unknown-call', `unknown call ${String(name).slice(0, 100)}`);
      return table[name](input);
    },
  };
}
