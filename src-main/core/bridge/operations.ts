import { ok } from '../../../src-shared/result.js';
import type { ConnectionManager } from '../accounts/connectionManager.js';
import type { DesktopCallName } from './desktopOperations.js';
import type { BridgeOperations } from './handlers.js';

/** Maps each bridge call but the desktop ones onto the connection manager (and hub commands). */
export const managerOperations = (manager: ConnectionManager): Omit<BridgeOperations, DesktopCallName> => ({
  'accounts/list': async () => ok(await manager.list()),
  'accounts/add': (input) => manager.add(input),
  'accounts/remove': ({ accountId }) => manager.remove(accountId),
  'accounts/reconnect': ({ accountId }) => manager.reconnect(accountId),
  'events/committed': ({ accountId, seq }) => manager.committed(accountId, seq),
  'events/resume': ({ accountId, cursor }) => manager.resume(accountId, cursor),
  'conversations/send': ({ accountId, conversationId, clientId, text }) =>
    manager.command(accountId, 'message.send', { conversationId, clientId, text }),
  'conversations/note': ({ accountId, conversationId, clientId, text }) =>
    manager.command(accountId, 'note.add', { conversationId, clientId, text }),
  'kb/upsert': ({ accountId, article }) => manager.command(accountId, 'kb.upsert', article),
  'conversations/claim': ({ accountId, conversationId }) =>
    manager.command(accountId, 'conversation.claim', { conversationId }),
  'conversations/escalate': ({ accountId, conversationId, target, reason }) =>
    manager.command(accountId, 'conversation.escalate', { conversationId, target, reason }),
  'conversations/resolve': ({ accountId, conversationId }) =>
    manager.command(accountId, 'conversation.resolve', { conversationId }),
});
