import { io, type Socket } from 'socket.io-client';
import { EventsFrame, HubEvent, SessionOpened, SyncDone } from '../../src-shared/hub/events.js';

/** Every socket made here, so afterEach can close whatever a failed test left open. */
const open = new Set<Socket>();

export function closeAllSockets(): void {
  for (const socket of open) socket.close();
  open.clear();
}

/**
 * An /agent or /customer socket that records everything it receives, parsed
 * with the shared schemas so a hub that breaks the contract fails the test.
 */
export interface RecordingSocket {
  socket: Socket;
  events: HubEvent[];
  received: Array<{ name: string; payload: unknown }>;
  session: Promise<SessionOpened>;
  synced: Promise<SyncDone>;
}

export function connect(url: string, namespace: '/agent' | '/customer', auth: object): RecordingSocket {
  const socket = io(`${url}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  open.add(socket);
  const events: HubEvent[] = [];
  const received: RecordingSocket['received'] = [];
  socket.onAny((name: string, payload: unknown) => {
    received.push({ name, payload });
    if (name === 'event') events.push(HubEvent.parse(payload));
    // A batched client's frames: the same events, in order.
    if (name === 'events') events.push(...EventsFrame.parse(payload).events.map((event) => HubEvent.parse(event)));
  });
  const session = new Promise<SessionOpened>((resolve) => socket.once('session.opened', (p: unknown) => resolve(SessionOpened.parse(p))));
  const synced = new Promise<SyncDone>((resolve) => socket.once('sync.done', (p: unknown) => resolve(SyncDone.parse(p))));
  return { socket, events, received, session, synced };
}

/** The refusal code from connect_error, or 'connected' if the hub let the socket in. */
export function connectOutcome(socket: Socket): Promise<{ code: string; data: unknown }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ code: 'connected', data: null }));
    socket.once('connect_error', (error: Error & { data?: unknown }) => resolve({ code: error.message, data: error.data }));
  });
}

/** Polls until the check passes (or throws its last failure after the timeout). */
export async function eventually<T>(check: () => T, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export const command = (socket: Socket, name: string, payload: unknown): Promise<any> => socket.timeout(5000).emitWithAck(name, payload);
