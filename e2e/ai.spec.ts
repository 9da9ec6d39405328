import { expect, test, type Page } from '@playwright/test';
import { upsertKb } from './hubProbe.js';
import { HostProcess, HubProcess } from './stack.js';
import { addAccount, customerSays, expectStatus, openWorkstation } from './workstation.js';

// Suggestions and sentiment are computed in the workstation's worker from its cached
// KB: they keep working with the hub gone (and no LLM is involved at all).
const hub = new HubProcess();
const host = new HostProcess();
let agentToken = '';
let leadToken = '';
const customers: Page[] = [];

const SHIPPING = '现货商品下单后 48 小时内发货，大件家具由物流送货上门。';
const KB = [
  { id: 'kb-ship', kind: 'article', title: '发货时间', body: SHIPPING, questions: ['什么时候发货', '多久能发货', '下单后几天发出', '怎么还没发货'] },
  { id: 'kb-invoice', kind: 'article', title: '开发票', body: '在订单详情页点“申请开票”，电子发票发到邮箱。', questions: ['能开发票吗', '怎么开发票', '发票抬头怎么填'] },
  { id: 'kb-return', kind: 'article', title: '七天无理由退货', body: '商品不影响二次销售即可七天无理由退货。', questions: ['可以退货吗', '怎么退货', '七天无理由'] },
  { id: 'canned-invoice', kind: 'canned', title: '开发票', body: '可以开电子发票，在订单详情页申请即可～', questions: [] },
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  await hub.start();
  agentToken = await hub.createAccount({ id: 'deer-ai', name: '小鹿智能店', person: 'alice', personName: 'Alice' });
  leadToken = await hub.issueToken({ account: 'deer-ai', person: 'lead', personName: 'Lead', role: 'lead' });
  await upsertKb(hub.url, leadToken, KB);
  await host.start();
  for (let i = 0; i < 2; i++) {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${hub.url}/widget/deer-ai`);
    customers.push(page);
  }
});

test.afterAll(async () => {
  for (const c of customers) await c.context().close();
  await host.dispose();
  await hub.dispose();
});

test('with the hub gone, the suggestion still appears, Alt+1 inserts it, and an angry customer is flagged', async ({ page }) => {
  await page.goto(host.url);
  await addAccount(page, hub.url, agentToken);
  await expectStatus(page, 'deer-ai', 'online');
  await customerSays(customers[0]!, '请问我的沙发什么时候发货呀？');
  await customerSays(customers[1]!, '你好，我想问下订单');
  await customerSays(customers[1]!, '怎么还没有人回复？太差劲了，我要投诉！');
  await expect(page.getByTestId('conversation-row')).toHaveCount(2);
  await expect(page.getByTestId('conversation-row').filter({ hasText: '投诉' }).getByTestId('mood-flag')).toBeVisible();
  await expect(page.getByTestId('conversation-row').filter({ hasText: '沙发' }).getByTestId('mood-flag')).toHaveCount(0);

  await hub.stop();
  await expectStatus(page, 'deer-ai', 'offline');
  await page.getByTestId('conversation-row').filter({ hasText: '沙发' }).click();
  await expect(page.getByTestId('suggestion').first()).toContainText('发货时间');
  await page.getByTestId('composer-input').focus();
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('composer-input')).toHaveValue(SHIPPING);

  await page.getByTestId('conversation-row').filter({ hasText: '投诉' }).click();
  await expect(page.getByTestId('conversation-mood')).toContainText('投诉');
  await hub.start();
});

test('/ opens the canned replies; Enter inserts the chosen one', async ({ page }) => {
  await page.goto(host.url);
  await expectStatus(page, 'deer-ai', 'online', 45_000);
  await page.getByTestId('conversation-row').filter({ hasText: '沙发' }).click();
  const input = page.getByTestId('composer-input');
  await input.fill('/发票');
  await expect(page.getByTestId('canned-item')).toHaveCount(1);
  await input.press('Enter');
  await expect(input).toHaveValue('可以开电子发票，在订单详情页申请即可～');
  await expect(page.getByTestId('canned-menu')).toHaveCount(0);
});

test('a lead adds a canned reply in the knowledge screen; an agent gets it at once and cannot edit', async ({ page, browser }) => {
  const { page: lead, close } = await openWorkstation(browser, hub.url, leadToken, 'deer-ai');
  try {
    await lead.getByTestId('open-knowledge').click();
    await lead.getByTestId('kb-kind-canned').click();
    await expect(lead.getByTestId('kb-item')).toHaveCount(1);
    await lead.getByTestId('kb-new').click();
    await lead.getByTestId('kb-title').fill('退换提醒');
    await lead.getByTestId('kb-body').fill('<script>alert(1)</script>七天无理由退换，请保持商品完好。');
    await lead.getByTestId('kb-save').click();
    await expect(lead.getByTestId('notice')).toContainText('已保存');
    await expect(lead.getByTestId('kb-item')).toHaveCount(2);

    // The agent's workstation received it live, as plain text.
    await page.goto(host.url);
    await expectStatus(page, 'deer-ai', 'online');
    await page.getByTestId('conversation-row').filter({ hasText: '沙发' }).click();
    await page.getByTestId('composer-input').fill('/退换');
    await expect(page.getByTestId('canned-item')).toHaveCount(1);
    await page.getByTestId('composer-input').press('Enter');
    await expect(page.getByTestId('composer-input')).toHaveValue('七天无理由退换，请保持商品完好。');

    await page.getByTestId('open-knowledge').click();
    await page.getByTestId('kb-kind-canned').click();
    await page.getByTestId('kb-item').first().click();
    await expect(page.getByTestId('kb-save')).toBeDisabled();
    await expect(page.getByTestId('kb-new')).toHaveCount(0);
  } finally {
    await close();
  }
});
