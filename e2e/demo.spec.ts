import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTs, stop, type Started } from './processes.js';
import { expectStatus } from './workstation.js';

// What a new user runs first: `npm run demo` (here its entry, after the suite's renderer build).
const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-demo-'));
let demo: Started;

test.beforeAll(async () => {
  demo = await startTs(
    'src-main/demo/main.ts',
    ['--data', dataDir, '--hub-port', '0', '--port', '0', '--messages', '12', '--interval-ms', '250'],
    /Customer web-chat widget:\s+(\S+)/,
  );
});

test.afterAll(async () => {
  await stop(demo.child);
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm run demo prints a URL, both demo shops come online and simulated customers fill the inbox', async ({ page }) => {
  const url = demo.output().match(/Workstation \(open in Chromium\):\s+(\S+)/)![1]!;
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto(url);
  await expectStatus(page, 'deer-web', 'online');
  await expectStatus(page, 'deer-tmall', 'online');
  await expect(page.getByTestId('conversation-row')).not.toHaveCount(0);
  await expect.poll(() => page.getByTestId('conversation-row').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

  // Both shops land in one inbox.
  await expect(page.getByTestId('conversation-list')).toContainText('小鹿家居官网');
  await expect(page.getByTestId('conversation-list')).toContainText('小鹿家居天猫旗舰店');

  await page.getByTestId('conversation-row').first().click();
  // The demo person supervises: a bot conversation is taken over, a queued one claimed,
  // and routing may already have assigned it to them (then there is nothing to click).
  const take = page.getByTestId(/^(claim|takeover)-button$/);
  // The bot may hand it over and routing assign it to them between seeing the button and
  // clicking it: the button then goes away for good. What counts is the owner below.
  if (await take.count()) await take.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(page.getByTestId('conversation-view').getByTestId('owner')).toHaveAttribute('data-owner', /^(human|supervisor)$/);
  const input = page.getByTestId('composer-input');
  await input.fill('您好，我是客服小林，马上为您查询～');
  // Simulated customers keep writing: the send guard may hold the reply once; Enter again sends it.
  await expect(async () => {
    if (await input.inputValue()) await input.press('Enter');
    await expect(page.locator('[data-testid="message"][data-author-kind="agent"]')).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // Sent, not only queued: the hub acknowledged it.
  await expect(page.locator('[data-testid="message"][data-author-kind="agent"]')).toHaveAttribute('data-status', /^(sent|delivered)$/);
  await page.screenshot({ path: 'assets/screenshots/demo.png' });
});

test('the demo widget page loads for a customer', async ({ page }) => {
  await page.goto(demo.match[1]!);
  await expect(page.getByTestId('widget-status')).toHaveAttribute('data-state', 'online');
});
