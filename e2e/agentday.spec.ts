import { expect, test, type Page } from '@playwright/test';
import { hubLog, messagesIn } from './hubProbe.js';
import { HostProcess, HubProcess } from './stack.js';
import { addAccount, customerSays, expectStatus, recordNotifications } from './workstation.js';

// Two accounts feed one inbox; the keyboard drives it; the send guard holds a stale reply.
const hub = new HubProcess();
const host = new HostProcess();
const tokens: Record<string, string> = {};
let probe = '';
const customers: Page[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  await hub.start();
  tokens.web = await hub.createAccount({ id: 'deer-web', name: '小鹿官网', person: 'alice', personName: 'Alice' });
  tokens.tmall = await hub.createAccount({ id: 'deer-tmall', name: '小鹿天猫店', person: 'alice2', personName: 'Alice' });
  probe = await hub.issueToken({ account: 'deer-web', person: 'probe', personName: 'Probe', role: 'agent' }); // an agent: its presence must not staff the supervisors' queue
  await host.start();
  for (const account of ['deer-web', 'deer-tmall']) {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${hub.url}/widget/${account}`);
    customers.push(page);
  }
});

test.afterAll(async () => {
  for (const c of customers) await c.context().close();
  await host.dispose();
  await hub.dispose();
});

const count = (page: Page, filter: string) => page.getByTestId(`count-${filter}`);
const selected = (page: Page) => page.locator('[data-testid="conversation-row"][aria-current="true"]');

test('two accounts feed one inbox, and the keyboard claims, moves and resolves', async ({ page }) => {
  await page.goto(host.url);
  await addAccount(page, hub.url, tokens.web!);
  await addAccount(page, hub.url, tokens.tmall!);
  await expectStatus(page, 'deer-web', 'online');
  await expectStatus(page, 'deer-tmall', 'online');

  await customerSays(customers[0]!, '官网下单的沙发什么时候发货？');
  await customerSays(customers[1]!, '天猫买的台灯能开发票吗？');
  await expect(page.getByTestId('conversation-row')).toHaveCount(2);
  await expect(page.getByTestId('conversation-list')).toContainText('小鹿官网');
  await expect(page.getByTestId('conversation-list')).toContainText('小鹿天猫店');
  await expect(count(page, 'unassigned')).toHaveText('2');

  await page.locator('body').press('j'); // the newest first: the Tmall customer
  await expect(selected(page)).toContainText('台灯');
  await page.locator('body').press('a');
  await expect(count(page, 'mine')).toHaveText('1');
  await expect(page.getByTestId('notice')).toHaveText('已认领。');
  await page.locator('body').press('j');
  await expect(selected(page)).toContainText('沙发');
  await page.locator('body').press('k');
  await expect(selected(page)).toContainText('台灯');
  await page.locator('body').press('e');
  await expect(count(page, 'resolved')).toHaveText('1');
  await page.getByTestId('filter-resolved').click();
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);
  await expect(page.getByTestId('conversation-row')).toContainText('小鹿天猫店');
  await page.getByTestId('filter-all').click();

  // Enter goes to the reply box; Escape leaves it.
  await page.locator('body').press('j');
  await page.locator('body').press('Enter');
  await expect(page.getByTestId('composer-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('composer-input')).not.toBeFocused();
});

test('? lists the shortcuts, Ctrl+K finds a customer and switches language', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('conversation-row')).not.toHaveCount(0);
  await page.locator('body').press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('命令面板');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);

  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('访客');
  await expect(page.getByTestId('palette-item').first()).toContainText('打开会话');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('conversation-view')).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('English');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agent Workstation');
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('简体');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('智能客服工作台');
});

test('a reply is held when the customer wrote again meanwhile, and goes on the second Enter', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('conversation-row').filter({ hasText: '小鹿官网' }).click();
  const input = page.getByTestId('composer-input');
  await input.fill('您好，沙发预计');
  await customerSays(customers[0]!, '算了，我想直接退款');
  await expect(page.locator('[data-testid="message"][data-author-kind="customer"]').last()).toContainText('退款');

  await input.press('Enter');
  await expect(page.getByTestId('send-guard')).toContainText('1');
  await expect(input).toHaveValue('您好，沙发预计');
  const agentTexts = async () => messagesIn(await hubLog(hub.url, probe)).filter((m) => m.author.kind === 'agent').map((m) => m.text);
  expect(await agentTexts()).toEqual([]);

  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('send-guard')).toHaveCount(0);
  await expect.poll(agentTexts).toEqual(['您好，沙发预计']);
});

test('a private note reaches the team and never the customer', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('conversation-row').filter({ hasText: '小鹿官网' }).click();
  await page.getByTestId('composer-mode-note').click();
  await page.getByTestId('composer-input').fill('老顾客，退款可以优先处理');
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.locator('[data-testid="message"].private .message-text')).toHaveText(['老顾客，退款可以优先处理']);

  const notes = async () => messagesIn(await hubLog(hub.url, probe)).filter((m) => m.private).map((m) => m.text);
  await expect.poll(notes).toEqual(['老顾客，退款可以优先处理']);
  await customers[0]!.reload();
  await expect(customers[0]!.locator('[data-testid="widget-message"][data-from="agent"]')).toHaveCount(1); // only the earlier reply
  await expect(customers[0]!.getByTestId('widget-messages')).not.toContainText('老顾客');
});

test('a customer writing in my conversation raises a notification, and the test button says it works', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const recorded = await recordNotifications(context);
  const page = await context.newPage();
  await page.goto(host.url);
  await expectStatus(page, 'deer-web', 'online');
  const shown = () => recorded(page);

  await page.getByTestId('test-notification').click();
  await expect(page.getByTestId('notice')).toHaveText('通知正常');
  expect((await shown()).map((n) => n.title)).toEqual(['通知正常']);

  // Rule "my conversations" (the default): claim the 官网 conversation first.
  await page.getByTestId('conversation-row').filter({ hasText: '小鹿官网' }).click();
  await page.getByTestId('claim-button').click();
  await expect(page.getByTestId('assignee')).toBeVisible();
  await customerSays(customers[0]!, '请问退款多久到账？');
  await expect.poll(async () => (await shown()).map((n) => n.body)).toContain('请问退款多久到账？');
  expect((await shown()).at(-1)!.title).toContain('小鹿官网');
  await context.close();
});

test('x escalates the open conversation with a reason the hub records, and the row says so', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('conversation-row').filter({ hasText: '小鹿官网' }).click();
  await page.locator('body').press('x');
  await page.getByTestId('escalate-target-supervisor').check();
  await page.getByTestId('escalate-note').fill('顾客要求赔偿运费');
  await page.getByTestId('escalate-send').click();
  // Only agents are online on this account: nobody serves the supervisors' queue, and the agent is told.
  await expect(page.getByTestId('notice')).toHaveText('已升级至主管，但目前没有在线的处理人员：会话在队列中等待。');
  await expect(page.getByTestId('conversation-row').filter({ hasText: '小鹿官网' }).getByTestId('escalated')).toContainText('主管');

  const escalations = (await hubLog(hub.url, probe)).flatMap((e) => (e.type === 'conversation.escalated' ? [e.data] : []));
  expect(escalations).toEqual([expect.objectContaining({ target: 'supervisor', reason: '投诉或扬言投诉 — 顾客要求赔偿运费', byId: 'alice' })]);
});

test('o reopens a resolved conversation, p sets it pending until the customer writes again, and the hub records both', async ({ page }) => {
  const tmallProbe = await hub.issueToken({ account: 'deer-tmall', person: 'probe', personName: 'Probe', role: 'lead' });
  const statuses = async () =>
    (await hubLog(hub.url, tmallProbe)).flatMap((e) => (e.type === 'conversation.upsert' ? [e.data.status] : []));
  await page.goto(host.url);
  await page.getByTestId('filter-resolved').click();
  const tmallRow = page.getByTestId('conversation-row').filter({ hasText: '小鹿天猫店' });
  await tmallRow.click();
  await page.locator('body').press('o');
  await expect(page.getByTestId('notice')).toHaveText('已重新打开。');
  await expect(count(page, 'resolved')).toHaveText('0');
  await expect(count(page, 'mine')).toHaveText('1'); // reopened by whoever held it: still theirs

  await page.getByTestId('filter-mine').click();
  await tmallRow.click();
  await page.locator('body').press('p');
  await expect(page.getByTestId('notice')).toHaveText('已挂起：顾客再发消息时会自动重新打开。');
  await expect(tmallRow.getByTestId('pending-badge')).toHaveText('挂起');
  await expect(count(page, 'pending')).toHaveText('1');
  expect((await statuses()).slice(-2)).toEqual(['open', 'pending']);

  await customerSays(customers[1]!, '发票开好了吗？');
  await expect(count(page, 'pending')).toHaveText('0');
  await expect(tmallRow.getByTestId('pending-badge')).toHaveCount(0);
  await expect.poll(async () => (await statuses()).at(-1)).toBe('open');
});
