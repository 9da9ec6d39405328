import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { HostProcess } from './stack.js';

/** Adds an account through the account manager, as an agent would. */
export async function addAccount(page: Page, hubUrl: string, token: string): Promise<void> {
  await page.getByTestId('add-account-hub-url').fill(hubUrl);
  await page.getByTestId('add-account-token').fill(token);
  await page.getByTestId('add-account-submit').click();
  // Added: the form clears the token (and is ready for the next account).
  await expect(page.getByTestId('add-account-token')).toHaveValue('');
}

export const accountRow = (page: Page, accountId: string) => page.locator(`[data-testid="account-row"][data-account="${accountId}"]`);

export async function expectStatus(page: Page, accountId: string, status: string, timeout = 20_000): Promise<void> {
  await expect(accountRow(page, accountId)).toHaveAttribute('data-status', status, { timeout });
}

/** Opens the widget page a customer would use, in its own browser context. */
export async function customerSays(widget: Page, text: string): Promise<void> {
  await widget.getByTestId('widget-input').fill(text);
  await widget.getByTestId('widget-send').click();
  await expect(widget.locator('[data-testid="widget-message"][data-from="me"]').filter({ hasText: text.slice(0, 20) })).toBeVisible();
}

export interface ShownNotification {
  title: string;
  body: string;
}

/**
 * Records what pages of this context show through the browser's Notification API (the
 * web host's path), with the permission granted. Call before opening the page.
 */
export async function recordNotifications(context: BrowserContext): Promise<(page: Page) => Promise<ShownNotification[]>> {
  await context.grantPermissions(['notifications']);
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    window.Notification = Recorded as typeof Notification;
  });
  return (page) => page.evaluate(() => (window as unknown as { shownNotifications: ShownNotification[] }).shownNotifications);
}

/**
 * Another person's workstation beside the test's own: its own web host (own data) and
 * browser context, the account added and online. `close()` ends both.
 */
export async function openWorkstation(browser: Browser, hubUrl: string, token: string, accountId: string): Promise<{ page: Page; close(): Promise<void> }> {
  const host = new HostProcess();
  await host.start();
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await page.goto(host.url);
  await addAccount(page, hubUrl, token);
  await expectStatus(page, accountId, 'online');
  return {
    page,
    async close() {
      await page.context().close();
      await host.dispose();
    },
  };
}
