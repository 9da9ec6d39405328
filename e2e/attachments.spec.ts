import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { IMAGE_SAMPLES } from '../src-shared/domain/imageSamples.js';
import { hubLog, messagesIn } from './hubProbe.js';
import { useShopStack } from './shopStack.js';
import { addAccount, customerSays, expectStatus } from './workstation.js';

// Images end to end: pasted in the workstation, stored once by the hub, shown to the
// widget customer; pasted offline, kept in the outbox and delivered once after reconnect.
const stack = useShopStack({ id: 'shop-img', name: '图片测试店' });
const { hub, host } = stack;

test.describe.configure({ mode: 'serial' });

const sha256 = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');

/** What Ctrl/Cmd+V of a screenshot delivers: a paste event whose clipboard holds an image file. */
async function pasteImage(page: Page, base64: string, type: string, name = 'image.png'): Promise<void> {
  await page.getByTestId('composer-input').evaluate(
    (input, file) => {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], file.name, { type: file.type }));
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { base64, type, name },
  );
}

const agentImageMessages = async () =>
  messagesIn(await hubLog(hub.url, stack.probeToken)).filter((m) => m.author.kind === 'agent' && m.attachments?.length);

test('an agent pastes an image: preview, send, the bubble and the widget show it, the hub stored it once', async ({ page }) => {
  await page.goto(host.url);
  await addAccount(page, hub.url, stack.agentToken);
  await expectStatus(page, 'shop-img', 'online');
  await stack.customer.goto(`${hub.url}/widget/shop-img`);
  await customerSays(stack.customer, '包装是这样的吗？');
  await page.getByTestId('conversation-row').first().click();
  await page.getByTestId('claim-button').click();
  await expect(page.getByTestId('assignee')).toBeVisible();

  // Paste, take it out again, paste again: one thumbnail waits with the text.
  await pasteImage(page, IMAGE_SAMPLES['image/png'], 'image/png');
  await expect(page.getByTestId('composer-image')).toHaveCount(1);
  await page.getByTestId('composer-image-remove').click();
  await expect(page.getByTestId('composer-image')).toHaveCount(0);
  await pasteImage(page, IMAGE_SAMPLES['image/png'], 'image/png');
  // An SVG is refused on arrival with words the agent reads.
  await pasteImage(page, btoa('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml', 'x.svg');
  await expect(page.getByTestId('composer-image')).toHaveCount(1);
  await page.getByTestId('composer-input').fill('请看图，是这种包装');
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.getByTestId('composer-image')).toHaveCount(0);

  const bubble = page.locator('[data-testid="message"][data-author-kind="agent"]').filter({ has: page.getByTestId('message-image') });
  await expect(bubble).toHaveCount(1);
  await expect(bubble).toContainText('请看图，是这种包装');
  // Loaded through main into a blob: URL: no hub URL, no token in the page.
  await expect(bubble.getByTestId('message-image')).toHaveAttribute('src', /^blob:/);
  expect(await page.content()).not.toContain(stack.agentToken.split('.').at(-1)!);
  await bubble.getByTestId('message-image').click();
  await expect(page.getByTestId('image-viewer')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('image-viewer')).toHaveCount(0);
  await expect(page.getByTestId('claim-button').or(page.getByTestId('assignee'))).toBeVisible(); // the conversation stayed open

  const widgetImage = stack.customer.locator('[data-testid="widget-message"][data-from="agent"] [data-testid="widget-image"]');
  await expect(widgetImage).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => widgetImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const [sent] = await agentImageMessages();
  expect(sent!.attachments).toEqual([expect.objectContaining({ id: sha256(IMAGE_SAMPLES['image/png']), mime: 'image/png', name: 'image.png' })]);
  // Stored once: the same bytes again are already there (200, not 201), under the same id.
  const again = await fetch(`${hub.url}/attachments/shop-img`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.probeToken}`, 'content-type': 'image/png' },
    body: Buffer.from(IMAGE_SAMPLES['image/png'], 'base64'),
  });
  expect(again.status).toBe(200);
  expect(((await again.json()) as { attachment: { id: string } }).attachment.id).toBe(sent!.attachments![0]!.id);
});

test('an image pasted offline waits in the outbox and is delivered once after the hub is back', async ({ page }) => {
  await page.goto(host.url);
  await expectStatus(page, 'shop-img', 'online');
  await page.getByTestId('conversation-row').first().click();

  await hub.stop();
  await expectStatus(page, 'shop-img', 'offline');
  await pasteImage(page, IMAGE_SAMPLES['image/gif'], 'image/gif', 'label.gif');
  await page.getByTestId('composer-send').click();
  const queued = page.locator('[data-testid="message"][data-status="queued"]');
  await expect(queued.getByTestId('outbox-image')).toHaveCount(1);

  await hub.start();
  await expectStatus(page, 'shop-img', 'online', 45_000);
  await expect(queued).toHaveCount(0, { timeout: 20_000 });
  const delivered = page.locator('[data-testid="message"][data-author-kind="agent"]').filter({ has: page.getByTestId('message-image') });
  await expect(delivered).toHaveCount(2);
  // Only an image: its placeholder text is not shown in the bubble.
  await expect(delivered.last().locator('.message-text')).toHaveCount(0);

  await expect(stack.customer.locator('[data-testid="widget-message"][data-from="agent"] [data-testid="widget-image"]')).toHaveCount(2, { timeout: 30_000 });
  const images = await agentImageMessages();
  expect(images.map((m) => m.attachments!.map((a) => a.mime))).toEqual([['image/png'], ['image/gif']]);
});

test('a widget customer attaches a photo and the agent sees it in the conversation', async ({ page }) => {
  await page.goto(host.url);
  await expectStatus(page, 'shop-img', 'online');
  await page.getByTestId('conversation-row').first().click();
  await stack.customer.getByTestId('widget-attach-input').setInputFiles({ name: '破损.webp', mimeType: 'image/webp', buffer: Buffer.from(IMAGE_SAMPLES['image/webp'], 'base64') });
  await expect(stack.customer.locator('[data-testid="widget-message"][data-from="me"] [data-testid="widget-image"]')).toHaveAttribute('src', /^blob:/);

  const fromCustomer = page.locator('[data-testid="message"][data-author-kind="customer"]').filter({ has: page.getByTestId('message-image') });
  await expect(fromCustomer).toHaveCount(1);
  await expect(fromCustomer.getByTestId('message-image')).toHaveAttribute('alt', '破损.webp');
  const photos = messagesIn(await hubLog(hub.url, stack.probeToken)).filter((m) => m.author.kind === 'customer' && m.attachments?.length);
  expect(photos.map((m) => m.attachments![0]!.id)).toEqual([sha256(IMAGE_SAMPLES['image/webp'])]);
});
