import type { Channel } from '../../src-shared/index.js';

/** The demo workspace: two shops of one small brand, and the agent who works both. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ id: string; name: string; channel: Channel }> = [
  { id: 'deer-web', name: '小鹿家居官网 · 在线客服', channel: 'webchat' },
  // Until the platform connectors land (webhook API), this shop's customers arrive
  // through the same simulated web-chat path; the account carries Taobao's badge.
  { id: 'deer-tmall', name: '小鹿家居天猫旗舰店', channel: 'taobao' },
];

/**
 * The person at the demo workstation. A supervisor, so a new user sees every screen:
 * the inbox, the bot view with takeover, the queue dashboard, and the KB editor.
 */
export const DEMO_PERSON = { personId: 'xiaolin', personName: '小林', role: 'supervisor' } as const;
