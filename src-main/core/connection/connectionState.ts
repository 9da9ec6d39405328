import type { ConnectionStatus, StatusReason } from '../../../src-shared/bridge/contract.js';
import type { ConnectRefusal } from '../../../src-shared/hub/commands.js';

/** The per-connection part of an AccountView. */
export interface ConnectionState {
  status: ConnectionStatus;
  reason: StatusReason | null;
  detail: string | null;
  syncedAt: number | null;
  retryAt: number | null;
}

export const initialState = (): ConnectionState => ({
  status: 'offline',
  reason: null,
  detail: null,
  syncedAt: null,
  retryAt: null,
});

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
