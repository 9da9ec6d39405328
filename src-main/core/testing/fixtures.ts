import type { HubEvent, SessionOpened } from '../../../src-shared/hub/events.js';
import type { LogFields, Logger } from '../ports/logger.js';

export const ACCOUNT = 'shop1';
export const TOKEN = `ws1.${ACCOUNT}.t1.abcdefghijklmnop0123`;

export const session = (accountId = ACCOUNT): SessionOpened => ({
  protocol: 1,
  account: { id: accountId, name: 'Shop One', channel: 'taobao' },
  person: { id: 'p1', name: 'Li Lei', role: 'agent' },
  headSeq: 0,
});

/** A valid `agent.presence` event: the smallest HubEvent. */
export const presence = (seq: number): HubEvent => ({
  seq,
  type: 'agent.presence',
  at: 1_700_000_000_000 + seq,
  data: { personId: 'p1', status: 'online' },
});

export interface LogEntry {
  level: string;
  message: string;
  fields?: LogFields;
}

/** A logger that keeps what it was told, for assertions. */
export function memoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (message: string, fields?: LogFields) => entries.push({ level, message, fields });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
