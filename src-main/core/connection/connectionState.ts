import type { ConnectionStatus, StatusReason } from '../../../src-shared/bridge/contract.js';
import type { ConnectRefusal } from '../../../src-shared/hub/commands.js';

/** The per-connection part of an AccountView. */
export interface ConnectionState {
  status: ConnectionStatus;
  reason: StatusReason | null;
  detail: string | null;
  syncedAt: number | null;
  retryAt: number | null;
  /** Events the hub is still replaying, while syncing; null otherwise. */
  missed: number | null;
}

export const initialState = (): ConnectionState => ({
  status: 'offline',
  reason: null,
  detail: null,
  syncedAt: null,
  retryAt: null,
  missed: null,
});

/** How often a live event may move `syncedAt` (each move is a status push). */
export const SYNCED_AT_RESOLUTION_MS = 1_000;

/**
 * What a delivered batch ending at `lastSeq` changes: the replay countdown while
 * syncing, "up to date as of" while online (at most once per resolution).
 */
export function afterBatch(state: ConnectionState, headSeq: number, lastSeq: number, now: number): Partial<ConnectionState> | null {
  if (state.status === 'syncing') return { missed: Math.max(0, headSeq - lastSeq) };
  if (state.status === 'online' && now - (state.syncedAt ?? 0) >= SYNCED_AT_RESOLUTION_MS) return { syncedAt: now };
  return null;
}

/** `connect_error` reasons the hub sends when it refuses a handshake. */
export const refusalReason: Record<ConnectRefusal, StatusReason> = {
  'auth/invalid-token': 'auth-invalid-token',
  'auth/revoked-token': 'auth-revoked-token',
  'auth/unknown-account': 'auth-unknown-account',
  // Our own handshake was malformed: retrying would not help either.
  'auth/invalid-handshake': 'protocol-error',
};

/** socket.io `disconnect` reasons → why we are offline. */
export const disconnectReason = (reason: string): StatusReason =>
  reason === 'io server disconnect' ? 'hub-closed' : 'connection-lost';

/** Error detail shown in tooltips: bounded to the contract's 500 characters. */
export const clip = (text: string): string => (text.length > 500 ? `${text.slice(0, 497)}...` : text);
