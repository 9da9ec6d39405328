import type { Role } from '../../src-shared/domain/account.js';
import type { HubEvent, HubEventType } from '../../src-shared/hub/events.js';

/** Events only some roles receive: the audit log is for those who oversee, not for the agents it is about. */
const ROLES_OF_EVENT: Partial<Record<HubEventType, readonly Role[]>> = {
  'audit.entry': ['lead', 'supervisor'],
};

export const mayReceive = (role: Role, event: HubEvent): boolean => ROLES_OF_EVENT[event.type]?.includes(role) ?? true;
