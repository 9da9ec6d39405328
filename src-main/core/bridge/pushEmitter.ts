import type { BridgePushName, PushPayload } from '../../../src-shared/bridge/contract.js';

export type PushListener = <K extends BridgePushName>(name: K, payload: PushPayload<K>) => void;
export type Unsubscribe = () => void;

/** Main → renderer pushes, fanned out to every host (Electron IPC, web host sockets). */
export class PushEmitter {
  private readonly listeners = new Set<PushListener>();

  on(listener: PushListener): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends BridgePushName>(name: K, payload: PushPayload<K>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload);
      } catch {
        // One broken host must not stop the others; hosts log their own failures.
      }
    }
  }
}
