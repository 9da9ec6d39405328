import type { Result } from '../result.js';
import type {
  BridgeCallName,
  BridgePushName,
  CallInput,
  CallOutput,
  PushPayload,
} from './contract.js';
import { bridgeCallNames, bridgePushNames } from './contract.js';

export type Unsubscribe = () => void;

/**
 * How a bridge reaches main: Electron IPC in the preload, a WebSocket in the web
 * host client, a direct call in tests. The bridge object itself is built once, here.
 */
export interface BridgeTransport {
  invoke(name: BridgeCallName, input: unknown): Promise<Result<unknown>>;
  subscribe(name: BridgePushName, listener: (payload: unknown) => void): Unsubscribe;
}

type Call<K extends BridgeCallName> = (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
type On<K extends BridgePushName> = (listener: (payload: PushPayload<K>) => void) => Unsubscribe;

/** `window.workstation`: exactly these functions, nothing else. */
export interface WorkstationBridge {
  accounts: {
    list: Call<'accounts/list'>;
    add: Call<'accounts/add'>;
    remove: Call<'accounts/remove'>;
    reconnect: Call<'accounts/reconnect'>;
    onStatusChanged: On<'accounts/status-changed'>;
    onRemoved: On<'accounts/removed'>;
  };
  events: {
    committed: Call<'events/committed'>;
    resume: Call<'events/resume'>;
    onReceived: On<'events/received'>;
  };
  kb: {
    upsert: Call<'kb/upsert'>;
  };
  queues: {
    onStats: On<'queues/stats'>;
  };
  conversations: {
    send: Call<'conversations/send'>;
    note: Call<'conversations/note'>;
    claim: Call<'conversations/claim'>;
    escalate: Call<'conversations/escalate'>;
    resolve: Call<'conversations/resolve'>;
    reopen: Call<'conversations/reopen'>;
    markPending: Call<'conversations/mark-pending'>;
    takeover: Call<'conversations/takeover'>;
    handback: Call<'conversations/handback'>;
    assign: Call<'conversations/assign'>;
  };
  agent: {
    status: Call<'agent/status'>;
  };
  suggestions: {
    feedback: Call<'suggestions/feedback'>;
  };
  deliveries: {
    deadLetters: Call<'deliveries/dead-letters'>;
    retry: Call<'deliveries/retry'>;
  };
  ai: {
    rewriteSettings: Call<'ai/rewrite-settings'>;
    configureRewrite: Call<'ai/configure-rewrite'>;
    rewrite: Call<'ai/rewrite'>;
  };
  app: {
    setBadge: Call<'app/set-badge'>;
    notify: Call<'app/notify'>;
    onNotificationClicked: On<'app/notification-clicked'>;
    onNotificationReplied: On<'app/notification-replied'>;
  };
}

const camelCase = (words: string): string => words.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** `accounts/status-changed` → `onStatusChanged`; `events/received` → `onReceived`. */
const listenerName = (push: BridgePushName): string => {
  const camel = camelCase(push.split('/')[1] ?? push);
  return `on${camel[0]!.toUpperCase()}${camel.slice(1)}`;
};

/** Builds the bridge object from the contract, so calls and pushes can never drift from it. */
export function createBridge(transport: BridgeTransport): WorkstationBridge {
  const bridge: Record<string, Record<string, unknown>> = {};
  const section = (name: string) => (bridge[name] ??= {});
  for (const call of bridgeCallNames) {
    const [domain, verb] = call.split('/') as [string, string];
    // `app/set-badge` → `app.setBadge`
    section(domain)[camelCase(verb)] = (input: unknown) => transport.invoke(call, input);
  }
  for (const push of bridgePushNames) {
    const [domain] = push.split('/') as [string];
    section(domain)[listenerName(push)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(push, listener);
  }
  return Object.freeze(bridge) as unknown as WorkstationBridge;
}
