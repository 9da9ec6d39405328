import { expect, type Page } from '@playwright/test';

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
