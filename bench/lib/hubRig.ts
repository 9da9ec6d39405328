import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { EventFraming } from '../../src-shared/hub/commands.js';
import { startHub, type RunningHub } from '../../src-hub/index.js';
import { withTimeout } from './measure.js';

export const makeTempDir = (tag: string): Promise<string> => mkdtemp(join(tmpdir(), `hub-bench-${tag}-`));
export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

const CONNECT_TIMEOUT_MS = 20_000;

/** A websocket-only client, the way the workstation and the tests connect. No schema parsing: the client must stay cheap. */
export function openSocket(url: string, auth: object): Socket {
  return io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
}

/** An /agent socket as the workstation opens one: events in batched frames. */
export function openAgentSocket(url: string, auth: { accountId: string; token: string; cursor: number; frames?: EventFraming }): Socket {
  return openSocket(url, { frames: 'batched', ...auth });
}

/** A hub event as the benches read it (unvalidated: the client must stay cheap). */
export interface BenchEvent {
  type: string;
  data: { text?: string; author?: { kind: string } };
}

/** Calls `listener` for each event a socket receives, in order, framed singly (`event`) or batched (`events`). */
export function onHubEvent(socket: Socket, listener: (event: BenchEvent) => void): void {
  socket.on('event', listener);
  socket.on('events', (frame: { events: BenchEvent[] }) => frame.events.forEach(listener));
}

/** Resolves on `event` (with its payload), rejects on connect_error or disconnect. */
export function waitFor<T>(socket: Socket, event: string, what: string): Promise<T> {
  const arrived = new Promise<T>((resolve, reject) => {
    socket.once(event, (payload: T) => resolve(payload));
    socket.once('connect_error', (error: Error) => reject(new Error(`${what}: connect_error ${error.message}`)));
    socket.once('disconnect', (reason: string) => reject(new Error(`${what}: disconnected (${reason})`)));
  });
  return withTimeout(arrived, CONNECT_TIMEOUT_MS, what);
}

/** Emits with an ack and fails loudly on `{ ok: false }`; returns the ack. */
export async function call(socket: Socket, name: string, payload: unknown): Promise<Record<string, unknown>> {
  const reply = (await socket.timeout(10_000).emitWithAck(name, payload)) as Record<string, unknown>;
  if (reply?.ok !== true) throw new Error(`${name} failed: ${JSON.stringify(reply)}`);
  return reply;
}

/** A real hub on a loopback port over a temp data dir, one web-chat account, an agent token and an open conversation. */
export interface HubRig {
  hub: RunningHub;
  dataDir: string;
  accountId: string;
  token: string;
  conversationId: string;
  /** The visitor stays connected, so the hub relays every agent reply to it as in production. */
  customer: Socket;
  customerMessages: () => number;
  /** An /agent socket that has reached sync.done; `events()` counts the `event`s it got. */
  /** An agent socket, framed as the workstation asks (`batched`) unless `frames` says otherwise. */
  connectAgent(cursor: number, frames?: EventFraming): Promise<{ socket: Socket; events: () => number; headSeq: number }>;
  /** Closes sockets and the hub; keeps or deletes the data dir. */
  close(options?: { keepDir?: boolean }): Promise<void>;
}

export async function startHubRig(dataDir?: string): Promise<HubRig> {
  const dir = dataDir ?? (await makeTempDir('hub'));
  // The benchmark measures the hub's own ceiling: one socket sends far faster than the per-connection limits allow.
  const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: dir, limits: { agentCommands: null, customerMessages: null } });
  const sockets: Socket[] = [];
  try {
    const accountId = 'bench-shop';
    await hub.admin.createAccount({ id: accountId, name: 'Bench Shop', channel: 'webchat' });
    const { token } = await hub.admin.issueToken({ accountId, personId: 'agent-1', personName: 'Bench Agent', role: 'agent' });

    const customer = openSocket(`${hub.url}/customer`, { accountId, visitorId: 'visitor-bench-0001', name: 'Bench Visitor' });
    sockets.push(customer);
    await waitFor(customer, 'history', 'customer connect');
    let customerMessages = 0;
    customer.on('message', () => customerMessages++);
    const first = await call(customer, 'customer.send', { text: '你好，我的订单还没有到，可以帮我查一下吗？' });
    const conversationId = (first.message as { conversationId: string }).conversationId;

    const connectAgent = async (cursor: number, frames?: EventFraming) => {
      const socket = openAgentSocket(`${hub.url}/agent`, { accountId, token, cursor, ...(frames ? { frames } : {}) });
      sockets.push(socket);
      let events = 0;
      onHubEvent(socket, () => events++);
      const session = waitFor<{ headSeq: number }>(socket, 'session.opened', 'agent session.opened');
      session.catch(() => undefined); // the sync.done wait reports the failure
      await waitFor(socket, 'sync.done', 'agent sync.done');
      return { socket, events: () => events, headSeq: (await session).headSeq };
    };

    return {
      hub,
      dataDir: dir,
      accountId,
      token,
      conversationId,
      customer,
      customerMessages: () => customerMessages,
      connectAgent,
      close: async (options) => {
        for (const socket of sockets) socket.close();
        await hub.close();
        if (!options?.keepDir) await removeDir(dir);
      },
    };
  } catch (error) {
    for (const socket of sockets) socket.close();
    await hub.close();
    if (!dataDir) await removeDir(dir);
    throw error;
  }
}

/** A realistic reply (~100 characters of mixed CJK and ASCII), unique per clientId. */
export const replyText = (i: number): string => `您好，已为您查询订单 #${String(i).padStart(6, '0')}：包裹已从仓库发出，预计明天送达。Thanks for waiting! 如有其他问题请随时联系我们。`;

export const sendInput = (conversationId: string, phase: string, i: number) => ({
  clientId: `bench-${phase}-${String(i).padStart(6, '0')}`,
  conversationId,
  text: replyText(i),
});
