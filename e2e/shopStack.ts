import { test, type Page } from '@playwright/test';
import { HostProcess, HubProcess } from './stack.js';

export interface ShopStack {
  hub: HubProcess;
  host: HostProcess;
  /** Alice, the agent the spec works as. */
  agentToken: string;
  /** A lead of the same account, for reading what the hub holds (hubProbe). */
  probeToken: string;
  /** A widget customer's page in its own browser context. */
  customer: Page;
}

/**
 * The stack of a serial spec about one shop: a hub process with the account, a web host,
 * and a customer's browser page; started before the spec's tests, ended after them.
 */
export function useShopStack(account: { id: string; name: string }): ShopStack {
  const stack = { hub: new HubProcess(), host: new HostProcess(), agentToken: '', probeToken: '' } as ShopStack;
  test.beforeAll(async ({ browser }) => {
    await stack.hub.start();
    stack.agentToken = await stack.hub.createAccount({ ...account, person: 'alice', personName: 'Alice' });
    stack.probeToken = await stack.hub.issueToken({ account: account.id, person: 'probe', personName: 'Probe', role: 'lead' });
    await stack.host.start();
    stack.customer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  });
  test.afterAll(async () => {
    await stack.customer.context().close();
    await stack.host.dispose();
    await stack.hub.dispose();
  });
  return stack;
}
