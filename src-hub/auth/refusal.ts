import type { ConnectRefusal } from '../../src-shared/hub/commands.js';

const EXPLANATIONS: Record<ConnectRefusal, string> = {
  'auth/invalid-handshake': 'the handshake auth is missing fields or has the wrong shape',
  'auth/invalid-token': 'the token is not valid for this account',
  'auth/revoked-token': 'the token was revoked',
  'auth/unknown-account': 'no such account on this hub',
};

/** socket.io hands `err.message` and `err.data` to the client's connect_error. */
export function refusalError(code: ConnectRefusal): Error & { data: { code: ConnectRefusal; message: string } } {
  return Object.assign(new Error(code), { data: { code, message: EXPLANATIONS[code] } });
}
