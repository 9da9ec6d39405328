import { expect, test, type Browser, type Page } from '@playwright/test';
import { hubLog, messagesIn } from './hubProbe.js';
import { HostProcess, HubProcess } from './stack.js';
import { accountRow, addAccount, customerSays, expectStatus } from './workstation.js';

const hub = new HubProcess();
const host = new HostProcess();
let agentToken = '';
let probeToken = '';

test.beforeAll(async () => {
  await hub.start();
  agentToken = await hub.createAccount({ id: 'shop-a', name: '小鹿旗舰店', person: 'alice', personName: 'Alice' });
  probeToken = await hub.issueToken({ account: 'shop-a', person: 'lead1', personName: 'Lead', role: 'lead' });
  await host.start();
});

test.afterAll(async () => {
  await host.dispose();
  await hub.dispose();
});

async function openWidget(browser: Browser): Promise<Page> {
  const customer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await customer.goto(`${hub.url}/widget/shop-a`);
  return customer;
}

test.describe.configure({ mode: 'serial' });

test('a customer message reaches the inbox, the reply reaches the customer, and HTML stays text', async ({ page, browser }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('accounts-empty')).toBeVisible();
  await addAccount(page, hub.url, agentToken);
  await expectStatus(page, 'shop-a', 'online');
  await expect(accountRow(page, 'shop-a')).toContainText('小鹿旗舰店');

  const customer = await openWidget(browser);
  const hostile = '你好 <img src=x onerror="window.pwned=1"><b>粗体</b> 我的快递到哪了？';
  await customerSays(customer, hostile);

  const row = page.getByTestId('conversation-row').first();
  await expect(row).toContainText('快递');
  await row.click();
  const fromCustomer = page.locator('[data-testid="message"][data-author-kind="customer"]');
  await expect(fromCustomer).toHaveCount(1);
  // Shown as text: the tags are visible characters and no element was created from them.
  await expect(fromCustomer.locator('.message-text')).toHaveText(hostile);
  await expect(page.getByTestId('message-list').locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

  await page.getByTestId('claim-button').click();
  await expect(page.getByTestId('assignee')).toBeVisible();
  const reply = '您好，您的包裹已到达上海转运中心，预计明天送达。';
  await page.getByTestId('composer-input').fill(reply);
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.locator('[data-testid="message"][data-author-kind="agent"]')).toHaveText(new RegExp(reply));
  await expect(page.getByTestId('composer-input')).toHaveValue('');

  await expect(customer.locator('[data-testid="widget-message"][data-from="agent"]')).toContainText(reply);
  expect(await customer.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

  // What the hub holds: exactly the two messages, the reply by Alice, once.
  const messages = messagesIn(await hubLog(hub.url, probeToken));
  expect(messages.map((m) => [m.author.kind, m.text])).toEqual([
    ['customer', hostile],
    ['agent', reply],
  ]);
  expect(messages[1]!.author.id).toBe('alice');

  await page.screenshot({ path: 'assets/screenshots/workstation.png' });
  await customer.context().close();
});

test('the account goes offline when the hub stops, back online when it restarts, and nothing is lost', async ({ page, browser }) => {
  await page.goto(host.url);
  await expectStatus(page, 'shop-a', 'online');
  const customer = await openWidget(browser);

  await hub.stop();
  await expectStatus(page, 'shop-a', 'offline');
  await expect(accountRow(page, 'shop-a').getByTestId('account-reason')).toBeVisible();

  await hub.start(); // same port, same data dir
  await expectStatus(page, 'shop-a', 'online', 45_000);

  const afterRestart = '重启之后：我想改一下收货地址';
  await expect(customer.getByTestId('widget-status')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await customerSays(customer, afterRestart);
  await page.getByTestId('conversation-row').filter({ hasText: afterRestart }).click();
  await expect(page.locator('[data-testid="message"][data-author-kind="customer"] .message-text')).toHaveText([afterRestart]);

  // A reload opens from IndexedDB: every conversation shows exactly the messages the hub holds, in order.
  await page.reload();
  const hubMessages = messagesIn(await hubLog(hub.url, probeToken));
  expect(hubMessages).toHaveLength(3);
  const conversations = [...new Set(hubMessages.map((m) => m.conversationId))];
  expect(conversations).toHaveLength(2);
  for (const id of conversations) {
    await page.locator(`[data-testid="conversation-row"][data-conversation="${id}"]`).click();
    const expected = hubMessages.filter((m) => m.conversationId === id).map((m) => m.text);
    await expect(page.locator('[data-testid="message"] .message-text')).toHaveText(expected);
  }
  await customer.context().close();
});

test('a revoked or wrong token shows sign-in failed with the reason, without retrying', async ({ page }) => {
  await page.goto(host.url);
  const wrong = agentToken.replace(/\.[^.]+$/, '.' + 'x'.repeat(43));
  await hub.createAccount({ id: 'shop-b', name: '第二家店', person: 'alice', personName: 'Alice' });
  await addAccount(page, hub.url, wrong.replace('ws1.shop-a.', 'ws1.shop-b.'));
  await expectStatus(page, 'shop-b', 'auth-failed');
  await expect(accountRow(page, 'shop-b').getByTestId('account-reason')).toContainText('令牌');
  // No retry storm: it stays failed with no countdown.
  await page.waitForTimeout(3_000);
  await expectStatus(page, 'shop-b', 'auth-failed');
  await expect(accountRow(page, 'shop-b').getByTestId('account-reason')).not.toContainText('秒后重试');
});

test('the interface speaks zh-CN, zh-TW and English', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('智能客服工作台');
  await page.getByTestId('language-select').selectOption('zh-TW');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('智慧客服工作台');
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agent Workstation');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agent Workstation');
});
