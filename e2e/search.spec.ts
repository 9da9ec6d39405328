import { expect, test, type Page } from '@playwright/test';
import { HostProcess, HubProcess } from './stack.js';
import { addAccount, customerSays, expectStatus } from './workstation.js';

// Search: a customer writes in Chinese and another in English; the agent finds each
// by a word (a 繁體 query for 简体 text too), opens it, and the hit is highlighted.
const hub = new HubProcess();
const host = new HostProcess();
let agentToken = '';
const widgets: Page[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  await hub.start();
  agentToken = await hub.createAccount({ id: 'shop-s', name: '搜索测试店', person: 'alice', personName: 'Alice' });
  await host.start();
  for (let i = 0; i < 2; i++) widgets.push(await (await browser.newContext({ locale: 'zh-CN' })).newPage());
});

test.afterAll(async () => {
  for (const w of widgets) await w.context().close();
  await host.dispose();
  await hub.dispose();
});

/** The ranges the conversation view marks (CSS Custom Highlight API), as text. */
const highlighted = (page: Page) =>
  page.evaluate(() => [...((CSS.highlights as unknown as Map<string, Set<Range>>).get('search-hit') ?? [])].map((r) => r.toString()));

async function search(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.getByTestId('search-input').fill(query);
}

test('finds Chinese and English messages, opens them and highlights the hit', async ({ page }) => {
  await page.goto(host.url);
  await addAccount(page, hub.url, agentToken);
  await expectStatus(page, 'shop-s', 'online');
  await widgets[0]!.goto(`${hub.url}/widget/shop-s`);
  await customerSays(widgets[0]!, '你好，我的快递三天了还没到');
  await widgets[1]!.goto(`${hub.url}/widget/shop-s`);
  await customerSays(widgets[1]!, 'Hello, I would like a REFUND for order 8812');
  await expect(page.getByTestId('conversation-row')).toHaveCount(2);

  // 繁體 query for 简体 text.
  await search(page, '快遞');
  await expect(page.getByTestId('conversation-list')).toBeHidden();
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText(['快递']);
  await page.getByTestId('search-hit').click();
  await expect(page.locator('[data-testid="message"][data-search-hit="true"] .message-text')).toHaveText('你好，我的快递三天了还没到');
  await expect.poll(() => highlighted(page)).toEqual(['快递']);

  // English, any case, AND of two words.
  await search(page, 'refund 8812');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText(['REFUND', '8812']);
  await page.getByTestId('search-hit').click();
  await expect(page.locator('[data-testid="message"][data-search-hit="true"] .message-text')).toContainText('REFUND');
  await expect.poll(() => highlighted(page)).toEqual(['REFUND', '8812']);

  // Nothing found; Esc goes back to the inbox list.
  await search(page, '发票');
  await expect(page.getByTestId('search-empty')).toBeVisible();
  await page.getByTestId('search-input').press('Escape');
  await expect(page.getByTestId('search-input')).toHaveValue('');
  await expect(page.getByTestId('conversation-list')).toBeVisible();
});

test('a new message is searchable at once, and after a reload', async ({ page }) => {
  await page.goto(host.url);
  await expectStatus(page, 'shop-s', 'online');
  await customerSays(widgets[0]!, '請問可以開發票嗎');
  await search(page, '发票');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await page.reload();
  await search(page, '發票');
  await expect(page.getByTestId('search-hit').locator('mark')).toHaveText(['發票']);
});
