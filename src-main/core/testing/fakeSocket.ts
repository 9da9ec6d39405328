import { EventEmitter } from 'node:events';
import type { HubSocket, SocketFactory, SocketRequest } from '../connection/hubSocket.js';

/**
 * An in-memory HubSocket for unit tests of the manager and the bridge: the test
 * plays the hub by calling `serverEmit`, `accept` and `drop`.
 */
export class FakeSocket implements HubSocket {
  connected = false;
  readonly emitted: { event: string; args: unknown[] }[] = [];
  private readonly bus = new EventEmitter();

  constructor(readonly request: SocketRequest) {}

  on(event: string, listener: (...args: any[]) => void): this {
    this.bus.on(event, listener);
    return this;
  }
  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, args });
    return this;
  }
  connect(): this {
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  removeAllListeners(): this {
    this.bus.removeAllListeners();
    return this;
  }

  accept(): void {
    this.connected = true;
    this.bus.emit('connect');
  }
  serverEmit(event: string, payload: unknown): void {
    this.bus.emit(event, payload);
  }
  refuse(message: string): void {
    this.bus.emit('connect_error', new Error(message));
  }
  drop(reason = 'transport close'): void {
    this.connected = false;
    this.bus.emit('disconnect', reason);
  }
}

/** A SocketFactory that records every socket it made (newest last). */
export function fakeSocketFactory(): { factory: SocketFactory; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (request) => {
      const socket = new FakeSocket(request);
      sockets.push(socket);
      return socket;
    },
  };
}
