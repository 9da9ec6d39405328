import type { Core, Logger } from '../core/index.js';

/** What wake.ts needs of Electron's `powerMonitor` (an EventEmitter in tests). */
export interface WakeSource {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

const WAKE_EVENTS = ['resume', 'unlock-screen'] as const;

/**
 * The machine woke from sleep or was unlocked: the network is likely back, so the
 * offline accounts connect now instead of after their backoff (up to 30 s). The
 * call leaves accounts that are connecting or online alone, so both events firing
 * together make one connection. The renderer does the same on the browser `online` event.
 */
export function reconnectOnWake(power: WakeSource, core: Pick<Core, 'handlers'>, log: Logger): () => void {
  const listeners = WAKE_EVENTS.map((event) => {
    const listener = () => {
      log.info('machine woke, reconnecting offline accounts', { event });
      void core.handlers.invoke('accounts/reconnect', {}).then((result) => {
        if (!result.ok) log.warn('reconnect after wake failed', { error: result.error.message });
      });
    };
    power.on(event, listener);
    return [event, listener] as const;
  });
  return () => {
    for (const [event, listener] of listeners) power.removeListener(event, listener);
  };
}
