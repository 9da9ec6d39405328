import type { Socket } from 'socket.io';
import type { AgentIdentity } from '../auth/authenticateAgent.js';

/** What the handshake proved about an /agent socket, kept on `socket.data`. */
export const setIdentity = (socket: Socket, identity: AgentIdentity): void => {
  socket.data.identity = identity;
};

export const identityOf = (socket: Socket): AgentIdentity => {
  const identity = socket.data.identity as AgentIdentity | undefined;
  if (!identity) throw new Error('agent socket without an identity: the auth middleware did not run');
  return identity;
};
