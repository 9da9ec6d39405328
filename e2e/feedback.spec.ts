import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { hubLog, upsertKb } from './hubProbe.js';
import { HostProcess, HubProcess } from './stack.js';
import { addAccount, customerSays, expectStatus, openWorkstation } from './workstation.js';

// What agents do with suggestions reaches the hub (asserted on the hub's own log) and
// comes back to every workstation of the account, where a lead reads it per article.
const hub = new HubProcess();
const host = new HostProcess();
let agentToken = '';
let leadToken = '';
let customer: Page;

const SHIPPING = '现货商品下单后 48 小时内发货，大件家具由物流送货上门。';
const KB = [
  { id: 'kb-ship', kind: 'article', title: '发货时间', body: SHIPPING, questions: ['什么时候发货', '多久能发货', '下单后几天发出', '怎么还没发货'] },
  { id: 'kb-invoice', kind: 'article', title: '开发票', body: '在订单详情页点“申请开票”，电子发票发到邮箱。', questions: ['能开发票吗', '怎么开发票'] },
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  await hub.start();
  agentToken = await hub.createAccount({ id: 'deer-fb', name: '小鹿反馈店', person: 'alice', personName: 'Alice' });
  leadToken = await hub.issueToken({ account: 'deer-fb', person: 'lead', personName: 'Lead', role: 'lead' });
  await upsertKb(hub.url, leadToken, KB);
  await host.start();
  customer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await customer.goto(`${hub.url}/widget/deer-fb`);
});

test.afterAll(async () => {
  await customer?.context().close();
  await host.dispose();
  await hub.dispose();
});

test('an edited suggestion with a thumbs-up reaches the hub, and the lead sees it per article', async ({ page, browser }) => {
  await page.goto(host.url);
  await addAccount(page, hub.url, agentToken);
  await expectStatus(page, 'deer-fb', 'online');
  await customerSays(customer, '请问我的沙发什么时候发货呀？');
  await page.getByTestId('conversation-row').filter({ hasText: '沙发' }).click();
  await expect(page.getByTestId('suggestion').first()).toContainText('发货时间');
  // The hub's bot answers first; once its reply is shown, the send guard has nothing to hold.
  await expect(page.getByTestId('message')).toHaveCount(2);

  const up = page.getByTestId('suggestion-vote-up').first();
  await up.focus(); // keyboard reachable: Space on the focused thumb votes
  await page.keyboard.press('Space');
  await expect(up).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('composer-input').focus();
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('composer-input')).toHaveValue(SHIPPING);
  await page.getByTestId('composer-input').fill(`亲，${SHIPPING}`);
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('composer-input')).toHaveValue('');
  await expect(up).toBeDisabled(); // judged once per customer message

  await expect
    .poll(async () => (await hubLog(hub.url, leadToken)).flatMap((e) => (e.type === 'suggestion.feedback' ? [e.data] : [])))
    .toContainEqual(expect.objectContaining({ articleId: 'kb-ship', rank: 1, action: 'edited', vote: 'up', byId: 'alice' }));

  const { page: lead, close } = await openWorkstation(browser, hub.url, leadToken, 'deer-fb');
  try {
    await lead.getByTestId('open-knowledge').click();
    await lead.getByTestId('kb-acceptance').click();
    const row = lead.locator('[data-testid="acceptance-row"][data-article="kb-ship"]');
    await expect(row).toContainText('发货时间');
    await expect(row.getByTestId('acceptance-rate')).toHaveText('100%');
  } finally {
    await close();
  }
});

test('the optional rewrite shows the provider’s text beside the local answer, and its errors plainly', async ({ page }) => {
  // The LLM provider is a true outside boundary: a tiny server speaking the OpenAI chat-completions shape.
  const asked: { auth: string | undefined; body: string }[] = [];
  let fail = false;
  const llm = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      asked.push({ auth: req.headers.authorization, body });
      res.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(fail ? { error: 'boom' } : { model: 'tiny-llm', choices: [{ message: { role: 'assistant', content: `您好～${SHIPPING}` } }] }));
    });
  });
  await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(host.url);
    await expectStatus(page, 'deer-fb', 'online');
    await page.getByTestId('open-knowledge').click();
    await page.getByTestId('kb-rewrite-settings').click();
    await page.getByTestId('rewrite-enabled').check();
    await page.getByTestId('rewrite-base-url').fill(`http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`);
    await page.getByTestId('rewrite-model').fill('tiny-llm');
    await page.getByTestId('rewrite-api-key').fill('sk-e2e-secret');
    await page.getByTestId('rewrite-save').click();
    await expect(page.getByTestId('rewrite-settings-note')).toContainText('已保存');
    await page.keyboard.press('Escape');

    await page.getByTestId('conversation-row').first().click(); // the only one (its preview is now Alice's reply)
    await page.getByTestId('suggestion-rewrite').first().click();
    await expect(page.getByTestId('rewrite-text')).toHaveText(`您好～${SHIPPING}`);
    await expect(page.getByTestId('suggestion').first()).toContainText('发货时间'); // the local answer stays
    expect(asked[0]!.auth).toBe('Bearer sk-e2e-secret');
    expect(asked[0]!.body).toContain('沙发');
    await page.getByTestId('rewrite-insert').click();
    await expect(page.getByTestId('composer-input')).toHaveValue(`您好～${SHIPPING}`);

    fail = true;
    await page.getByTestId('suggestion-rewrite').first().click();
    await expect(page.getByTestId('rewrite-error')).toContainText('HTTP 500');
    await expect(page.getByTestId('suggestion').first()).toBeVisible();

    // The key stayed in main: nothing the page can read holds it.
    const stored = await page.evaluate(async () => {
      const dbs = await indexedDB.databases();
      return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, dbs });
    });
    expect(stored).not.toContain('sk-e2e-secret');
  } finally {
    await new Promise((resolve) => llm.close(resolve));
  }
});
