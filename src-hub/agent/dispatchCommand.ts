import { HubCommands, type HubCommandName } from '../../src-shared/hub/commands.js';
import { describeZodError, type ErrorInfo, type Result } from '../../src-shared/result.js';
import type { AgentIdentity } from '../auth/authenticateAgent.js';
import { mayCall } from '../auth/commandRoles.js';
import type { HubContext } from '../context.js';
import { COMMAND_HANDLERS, type CommandHandler } from './handlers.js';

export type Ack = ({ ok: true } & Record<string, unknown>) | { ok: false; error: ErrorInfo };

const failure = (code: ErrorInfo['code'], message: string): Ack => ({ ok: false, error: { code, message } });

export const isCommandName = (name: string): name is HubCommandName => Object.hasOwn(HubCommands, name);

/** Role check, validation, handler, ack shape: every command takes the same road. Never throws. */
export async function dispatchCommand(ctx: HubContext, caller: AgentIdentity, name: HubCommandName, payload: unknown): Promise<Ack> {
  if (!mayCall(caller.person.role, name)) {
    return failure('forbidden', `${name} is not allowed for role ${caller.person.role}`);
  }
  const parsed = HubCommands[name].input.safeParse(payload);
  if (!parsed.success) return failure('validation', describeZodError(parsed.error));
  try {
    const handler = COMMAND_HANDLERS[name] as CommandHandler<typeof name>;
    const result: Result<object> = await handler(ctx, caller, parsed.data as never);
    return result.ok ? { ...result.value, ok: true } : { ok: false, error: result.error };
  } catch (error) {
    ctx.log(`command ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return failure('internal', `${name} failed on the hub`);
  }
}
