import {
  BRIDGE_WS_PATH,
  BridgePushes,
  ServerFrame,
  createBridge,
  err,
  isBridgePushName,
  type BridgeCallName,
  type BridgePushName,
  type BridgeTransport,
  type Result,
  type WorkstationBridge,
} from '../../src-shared/index.js';

const TOKEN_KEY = 'workstation.hostToken';
const CALL_TIMEOUT_MS = 15_000;

export type BridgeLinkState = 'connecting' | 'open' | 'closed';

/**
 * The web host's bridge: the same `WorkstationBridge` as Electron's preload, over a
 * WebSocket to the host on 127.0.0.1. The host checks the per-launch token it printed;
 * the page keeps it in sessionStorage so a reload still works, and drops it from the URL.
 */
export function connectWebBridge(
  location: Location,
  onLinkState: (state: BridgeLinkState) => void,
): WorkstationBridge | null {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(null, '', location.pathname);
  }
  const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;

  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_WS_PATH}?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<BridgePushName, Set<(payload: unknown) => void>>();
  let socket: WebSocket;
  let nextId = 1;
  let retryMs = 250;

  const open = () => {
    onLinkState('connecting');
    socket = new WebSocket(url);
    socket.onopen = () => {
      retryMs = 250;
      onLinkState('open');
    };
    socket.onmessage = (e) => receive(typeof e.data === 'string' ? e.data : '');
    socket.onclose = () => {
      onLinkState('closed');
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve(err('offline', 'the workstation core went away'));
      }
      setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    };
  };

  const receive = (raw: string) => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return console.error('bridge: dropped a frame that is not JSON');
    }
    const frame = ServerFrame.safeParse(json);
    if (!frame.success) return console.error('bridge: dropped a malformed frame');
    if (frame.data.kind === 'result') {
      pending.get(frame.data.id)?.(frame.data.result);
      pending.delete(frame.data.id);
      return;
    }
    const { push, payload } = frame.data;
    if (!isBridgePushName(push)) return console.error(`bridge: unknown push ${push}`);
    const parsed = BridgePushes[push].safeParse(payload);
    if (!parsed.success) return console.error(`bridge: dropped a malformed ${push}`);
    listeners.get(push)?.forEach((listener) => listener(parsed.data));
  };

  const transport: BridgeTransport = {
    invoke(name: BridgeCallName, input: unknown) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(err('offline', 'the workstation core is not connected'));
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(err('timeout', name));
        }, CALL_TIMEOUT_MS);
        pending.set(id, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        socket.send(JSON.stringify({ id, call: name, input }));
      });
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };

  open();
  return createBridge(transport);
}
