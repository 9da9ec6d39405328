import { expect, test, type Page } from '@playwright/test';
import { hubLog, messagesIn } from './hubProbe.js';
import { useShopStack } from './shopStack.js';
import { addAccount, customerSays, expectStatus } from './workstation.js';

// The offline outbox: replies written while the hub is gone reach the customer
// exactly once, in order, across a hub restart and across an app reload.
const stack = useShopStack({ id: 'shop-o', name: '离线测试店' });
const { hub, host } = stack;

test.describe.configure({ mode: 'serial' });

const agentReplies = async () =>
  messagesIn(await hubLog(hub.url, stack.probeToken))
    .filter((m) => m.author.kind === 'agent')
    .map((m) => m.text);

async function reply(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.getByTestId('composer-input')).toHaveValue('');
}

const widgetAgentTexts = () => stack.customer.locator('[data-testid="widget-message"][data-from="agent"] p');
const queuedBubbles = (page: Page) => page.locator('[data-testid="message"][data-status="queued"]');

test('three replies written offline arrive once each, in order, after the hub restarts', async ({ page }) => {
  await page.goto(host.url);
  await addAccount(page, hub.url, stack.agentToken);
  await expectStatus(page, 'shop-o', 'online');
  await stack.customer.goto(`${hub.url}/widget/shop-o`);
  await customerSays(stack.customer, '我想把收货地址改到公司');
  await page.getByTestId('conversation-row').first().click();
  await page.getByTestId('claim-button').click();
  await expect(page.getByTestId('assignee')).toBeVisible();

  await hub.stop();
  await expectStatus(page, 'shop-o', 'offline');
  const replies = ['好的，请把新地址发给我', '我这边帮您备注', '改好后会短信通知您'];
  for (const text of replies) await reply(page, text);
  await expect(queuedBubbles(page)).toHaveCount(3);
  await expect(page.getByTestId('offline-banner')).toHaveAttribute('data-queued', '3');

  await hub.start();
  await expectStatus(page, 'shop-o', 'online', 45_000);
  await expect(queuedBubbles(page)).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('[data-testid="message"][data-author-kind="agent"] .message-text')).toHaveText(replies);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);

  await expect(widgetAgentTexts()).toHaveText(replies, { timeout: 30_000 });
  expect(await agentReplies()).toEqual(replies);
});

test('replies queued when the app reloads are still delivered exactly once', async ({ page }) => {
  await page.goto(host.url);
  await expectStatus(page, 'shop-o', 'online');
  await page.getByTestId('conversation-row').first().click();

  await hub.stop();
  await expectStatus(page, 'shop-o', 'offline');
  const more = ['地址已经改好了', '还有别的需要帮忙吗？'];
  for (const text of more) await reply(page, text);
  await expect(queuedBubbles(page)).toHaveCount(2);

  // The app restarts with the replies still in its outbox (IndexedDB).
  await page.reload();
  await page.getByTestId('conversation-row').first().click();
  await expect(queuedBubbles(page)).toHaveCount(2);

  await hub.start();
  await expectStatus(page, 'shop-o', 'online', 45_000);
  await expect(queuedBubbles(page)).toHaveCount(0, { timeout: 20_000 });

  const all = ['好的，请把新地址发给我', '我这边帮您备注', '改好后会短信通知您', ...more];
  await expect(widgetAgentTexts()).toHaveText(all, { timeout: 30_000 });
  expect(await agentReplies()).toEqual(all);
  // And the workstation shows each once, after a reload from its cache.
  await page.reload();
  await page.getByTestId('conversation-row').first().click();
  await expect(page.locator('[data-testid="message"][data-author-kind="agent"] .message-text')).toHaveText(all);
});

test('a draft survives switching away and an app reload', async ({ page }) => {
  await page.goto(host.url);
  await expectStatus(page, 'shop-o', 'online');
  await page.getByTestId('conversation-row').first().click();
  await page.getByTestId('composer-input').fill('草稿：稍后回复这位顾客');
  await page.waitForTimeout(600); // the draft is saved after a short pause in typing
  await page.reload();
  await page.getByTestId('conversation-row').first().click();
  await expect(page.getByTestId('composer-input')).toHaveValue('草稿：稍后回复这位顾客');
});
