import { ok } from '../../../src-shared/result.js';
import type { ConnectionManager } from '../accounts/connectionManager.js';
import type { AiCallName } from '../ai/aiOperations.js';
import type { DesktopCallName } from './desktopOperations.js';
import type { BridgeOperations } from './handlers.js';

/** Maps each bridge call but the desktop and AI ones onto the connection manager (and hub commands). */
export const managerOperations = (manager: ConnectionManager): Omit<BridgeOperations, DesktopCallName | AiCallName> => ({
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
  'conversations/escalate': ({ accountId, ...input }) => manager.command(accountId, 'conversation.escalate', input),
  'conversations/takeover': ({ accountId, conversationId }) =>
    manager.command(accountId, 'conversation.takeover', { conversationId }),
  'conversations/handback': ({ accountId, ...input }) => manager.command(accountId, 'conversation.handback', input),
  'conversations/assign': ({ accountId, ...input }) => manager.command(accountId, 'conversation.assign', input),
  'agent/status': ({ accountId, ...input }) => manager.command(accountId, 'agent.status', input),
  'suggestions/feedback': ({ accountId, ...input }) => manager.command(accountId, 'suggestion.feedback', input),
  'conversations/resolve': ({ accountId, conversationId }) =>
    manager.command(accountId, 'conversation.resolve', { conversationId }),
  'conversations/reopen': ({ accountId, conversationId }) => manager.command(accountId, 'conversation.reopen', { conversationId }),
  'conversations/mark-pending': ({ accountId, conversationId }) =>
    manager.command(accountId, 'conversation.markPending', { conversationId }),
  'deliveries/dead-letters': ({ accountId }) => manager.command(accountId, 'delivery.deadLetters', {}),
  'deliveries/retry': ({ accountId, id }) => manager.command(accountId, 'delivery.retry', { id }),
});
