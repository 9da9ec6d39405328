import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../../src-shared/bridge/api.js';
import type { BridgePushName } from '../../src-shared/bridge/contract.js';
import type { Result } from '../../src-shared/result.js';

/**
 * Sandboxed preload (bundled to CommonJS): exposes `window.workstation`, the
 * functions generated from the contract, and never ipcRenderer itself.
 */
const listeners = new Map<BridgePushName, Set<(payload: unknown) => void>>();

ipcRenderer.on('push', (_event, name: BridgePushName, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge = createBridge({
  invoke: (name, input) => ipcRenderer.invoke(name, input) as Promise<Result<unknown>>,
  subscribe: (name, listener) => {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    set.add(listener);
    return () => void set.delete(listener);
  },
});

contextBridge.exposeInMainWorld('workstation', bridge);
