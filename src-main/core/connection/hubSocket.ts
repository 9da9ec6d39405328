import { io } from 'socket.io-client';
import { AGENT_NAMESPACE } from '../../../src-shared/hub/events.js';
import type { AgentHandshake } from '../../../src-shared/hub/commands.js';

/** The part of a socket.io-client Socket that ChannelConnection uses. */
export interface HubSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
  removeAllListeners(): unknown;
}

export interface SocketRequest {
  hubUrl: string;
  auth: AgentHandshake;
}

/** Makes a socket that is NOT yet connected; the connection calls `connect()`. */
export type SocketFactory = (request: SocketRequest) => HubSocket;

/**
 * socket.io-client with its own reconnection off (ChannelConnection owns retry and
 * resume) and `forceNew`, so two accounts on the same hub never share a socket.
 */
export const socketIoFactory: SocketFactory = ({ hubUrl, auth }) =>
  io(`${hubUrl.replace(/\/+$/, '')}${AGENT_NAMESPACE}`, {
    auth,
    autoConnect: false,
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  });
