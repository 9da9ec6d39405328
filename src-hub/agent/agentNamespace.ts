import type { Namespace, Server, Socket } from 'socket.io';
import { AGENT_NAMESPACE } from '../../src-shared/hub/events.js';
import { authenticateAgent } from '../auth/authenticateAgent.js';
import type { HubContext } from '../context.js';
import { dispatchCommand, isCommandName } from './dispatchCommand.js';
import { refusalError } from '../auth/refusal.js';
import { identityOf, setIdentity } from './session.js';
import { startSyncStream, type EventLogReader } from './syncStream.js';
import { readEventsAfter, readHeadSeq } from '../store/eventLog.js';
import { DEFAULT_CONNECTION_LIMITS, limitConnection, RATE_LIMITED } from '../limits/connectionLimit.js';
import type { RateLimit } from '../limits/tokenBucket.js';

export interface AgentNamespace {
  /** Drops live connections of a revoked token at once, not at their next reconnect. */
  disconnectToken(tokenId: string): void;
}

export function registerAgentNamespace(
  io: Server,
  ctx: HubContext,
  commandLimit: RateLimit | null = DEFAULT_CONNECTION_LIMITS.agentCommands,
): AgentNamespace {
  const nsp = io.of(AGENT_NAMESPACE);
  const eventLogReader: EventLogReader = {
    headSeq: (accountId) => readHeadSeq(ctx.db, accountId),
    readAfter: (accountId, afterSeq, limit) => readEventsAfter(ctx.db, accountId, afterSeq, limit),
  };

  nsp.use((socket, next) => {
    authenticateAgent(ctx.db, socket.handshake.auth).then(
      (auth) => {
        if (!auth.ok) return next(refusalError(auth.refusal));
        setIdentity(socket, auth.identity);
        next();
      },
      (error: unknown) => {
        ctx.log(`agent auth failed: ${String(error)}`);
        next(Object.assign(new Error('internal'), { data: { code: 'internal', message: 'the hub could not check the token' } }));
      },
    );
  });

  nsp.on('connection', (socket) => {
    const identity = identityOf(socket);
    listenForCommands(ctx, socket, commandLimit);
    startSyncStream({ log: eventLogReader, bus: ctx.bus }, socket, identity).catch((error: unknown) => {
      ctx.log(`sync for ${identity.account.id} failed: ${String(error)}`);
      socket.disconnect(true);
    });
  });

  return { disconnectToken: (tokenId) => disconnectWhere(nsp, (socket) => identityOf(socket).tokenId === tokenId) };
}

/** Any event name is accepted so that unknown commands and missing acks get an answer instead of silence. */
function listenForCommands(ctx: HubContext, socket: Socket, commandLimit: RateLimit | null): void {
  const mayGoAhead = limitConnection(commandLimit, ctx.now, () => {
    const { account, person } = identityOf(socket);
    ctx.log(`rate limited: /agent socket of ${person.id} on ${account.id}`);
  });
  socket.onAny((name: unknown, ...args: unknown[]) => {
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : null;
    const payload = args[0];
    if (!mayGoAhead()) {
      ack?.({ ok: false, error: RATE_LIMITED });
      return;
    }
    if (typeof name !== 'string' || !isCommandName(name)) {
      ack?.({ ok: false, error: { code: 'unknown-call', message: `unknown command ${String(name)}` } });
      return;
    }
    void dispatchCommand(ctx, identityOf(socket), name, payload).then((reply) => ack?.(reply));
  });
}

function disconnectWhere(nsp: Namespace, match: (socket: Socket) => boolean): void {
  for (const socket of nsp.sockets.values()) if (match(socket)) socket.disconnect(true);
}
