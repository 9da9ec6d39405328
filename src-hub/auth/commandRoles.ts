import type { Role } from '../../src-shared/domain/account.js';
import type { HubCommandName } from '../../src-shared/hub/commands.js';

const EVERYONE: readonly Role[] = ['agent', 'lead', 'supervisor'];

/** Who may call what. The hub decides; the UI hiding a button is not security. */
export const COMMAND_ROLES: Record<HubCommandName, readonly Role[]> = {
  'message.send': EVERYONE,
  'note.add': EVERYONE,
  'conversation.claim': EVERYONE,
  'conversation.resolve': EVERYONE,
  'conversation.reopen': EVERYONE,
  'conversation.markPending': EVERYONE,
  'conversation.escalate': EVERYONE,
  'agent.status': EVERYONE,
  'conversation.takeover': ['supervisor'],
  'conversation.handback': EVERYONE,
  'conversation.assign': ['lead', 'supervisor'],
  'suggestion.feedback': EVERYONE,
  'kb.upsert': ['lead', 'supervisor'],
  'delivery.deadLetters': ['lead', 'supervisor'],
  'delivery.retry': ['lead', 'supervisor'],
};

export const mayCall = (role: Role, command: HubCommandName): boolean => COMMAND_ROLES[command].includes(role);
