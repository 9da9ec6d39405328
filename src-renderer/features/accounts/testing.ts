import type { AccountView } from '../../../src-shared/index.js';

/** An account as main reports it, for renderer tests. */
export const accountView = (over: Partial<AccountView> = {}): AccountView => ({
  id: 'shop-a',
  hubUrl: 'http://127.0.0.1:4600',
  name: 'Shop A',
  channel: 'webchat',
  person: { id: 'alice', name: 'Alice', role: 'agent' },
  status: 'online',
  reason: null,
  detail: null,
  syncedAt: null,
  retryAt: null,
  missed: null,
  ...over,
});
