import type { AccountView, Role } from '../../../src-shared/index.js';

/** Leads and supervisors see the queues, the bot view and the audit log, and edit the KB. */
export const leadsOrSupervises = (role: Role | null | undefined): boolean => role === 'lead' || role === 'supervisor';

/**
 * The accounts on which I lead or supervise: the only ones the hub sends queue numbers
 * and the audit log for, and where the bot view and the dashboard make sense.
 */
export const leadAccounts = (byId: Record<string, AccountView>): AccountView[] => Object.values(byId).filter((a) => leadsOrSupervises(a.person?.role));
