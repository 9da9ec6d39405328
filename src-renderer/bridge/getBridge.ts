import type { WorkstationBridge } from '../../src-shared/index.js';
import { connectWebBridge, type BridgeLinkState } from './webBridge.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the web host serves the page. */
    workstation?: WorkstationBridge;
  }
}

/** The renderer never knows which host it runs in: Electron's preload or the web host. */
export function getBridge(onLinkState: (state: BridgeLinkState) => void): WorkstationBridge | null {
  if (window.workstation) {
    onLinkState('open');
    return window.workstation;
  }
  return connectWebBridge(window.location, onLinkState);
}
