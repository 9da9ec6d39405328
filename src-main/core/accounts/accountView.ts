import type { AccountView } from '../../../src-shared/bridge/contract.js';
import type { ConnectionState } from '../connection/connectionState.js';
import type { AccountRecord } from '../registry/registryFormat.js';

/** What the renderer sees of an account: the registry row plus the live connection state. */
export const accountView = (row: AccountRecord, state: ConnectionState): AccountView => ({
  id: row.id,
  hubUrl: row.hubUrl,
  name: row.name,
  channel: row.channel,
  person: row.person,
  status: state.status,
  reason: state.reason,
  detail: state.detail,
  syncedAt: state.syncedAt,
  retryAt: state.retryAt,
  missed: state.missed,
});
