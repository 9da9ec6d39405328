import { expect, test, type Browser, type Page } from '@playwright/test';
import type { HubEvent } from '../src-shared/index.js';
import { hubLog, upsertKb } from './hubProbe.js';
import { HubProcess } from './stack.js';
import { customerSays, expectStatus, openWorkstation } from './workstation.js';

// Issue 6: supervisors watch the bot, take over (one wins a race), and an agent's
// escalation written offline lands once. A real hub with its bot, real web hosts,
// real widgets in Chromium; the hub's own log is the judge.
const ACCOUNT = 'deer-sup';
const hub = new HubProcess();
const closers: Array<() => Promise<void>> = [];
const pages: Page[] = [];
let supervisorToken = '';
let agentToken = '';

const KB = [
  { id: 'kb-ship', kind: 'article', title: '发货时间', body: '现货商品下单后 48 小时内发货。', questions: ['什么时候发货', '多久能发货', '下单后几天发出'] },
  { id: 'kb-invoice', kind: 'article', title: '开发票', body: '在订单详情页点“申请开票”。', questions: ['能开发票吗', '怎么开发票'] },
];

test.describe.configure({ mode: 'serial' });

async function widget(page: Page): Promise<Page> {
  await page.goto(`${hub.url}/widget/${ACCOUNT}`);
  pages.push(page);
  return page;
}

const fromWidget = (w: Page, from: string) => w.locator(`[data-testid="widget-message"][data-from="${from}"]`);

/** A person's own workstation (web host + browser context), online on the account. */
async function workstation(browser: Browser, token: string): Promise<Page> {
  const opened = await openWorkstation(browser, hub.url, token, ACCOUNT);
  closers.push(opened.close);
  return opened.page;
}

const eventsFor = (log: HubEvent[], conversationId: string) =>
  log.filter((e) => 'conversationId' in e.data && e.data.conversationId === conversationId);

/** The conversation a customer's words went to, as the hub recorded it (rows show the latest preview, often the bot's). */
async function conversationOf(text: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const created = (await hubLog(hub.url, supervisorToken)).find(
        (e) => e.type === 'message.created' && e.data.author.kind === 'customer' && e.data.text.includes(text),
      );
      found = created?.type === 'message.created' ? created.data.conversationId : undefined;
      return found;
    }, { message: `the hub has a customer message with "${text}"` })
    .toBeTruthy();
  return found!;
}

const rowOf = (page: Page, testId: string, conversationId: string) => page.locator(`[data-testid="${testId}"][data-conversation="${conversationId}"]`);

test.beforeAll(async () => {
  await hub.start();
  agentToken = await hub.createAccount({ id: ACCOUNT, name: '小鹿旗舰店', person: 'alice', personName: 'Alice' });
  supervisorToken = await hub.issueToken({ account: ACCOUNT, person: 'sue', personName: '苏主管', role: 'supervisor' });
  await upsertKb(hub.url, supervisorToken, KB);
});

test.afterAll(async () => {
  for (const p of pages) await p.context().close();
  for (const close of closers) await close();
  await hub.dispose();
});

test('an angry customer rises to the top of the bot view; the supervisor takes over and replies; the bot stays silent; the audit log shows it', async ({ browser }) => {
  const page = await workstation(browser, supervisorToken);
  const calm = await widget(await (await browser.newContext({ locale: 'zh-CN' })).newPage());
  const angry = await widget(await (await browser.newContext({ locale: 'zh-CN' })).newPage());
  await customerSays(calm, '请问什么时候发货？');
  await expect(fromWidget(calm, 'bot')).toHaveCount(1);
  await customerSays(angry, '请问什么时候发货？');
  await expect(fromWidget(angry, 'bot')).toHaveCount(1);

  await page.locator('body').press('b');
  await expect(page.getByTestId('botview-row')).toHaveCount(2);
  await customerSays(angry, '都三天了还没发货，太差劲了，我要投诉！');
  const conversationId = await conversationOf('我要投诉');
  // The bot hands the angry customer over; the supervisor sees them first, with why.
  await expect(page.getByTestId('botview-row').first()).toHaveAttribute('data-conversation', conversationId);
  await expect(page.getByTestId('botview-row').first().getByTestId('risk-reason').first()).toBeVisible();
  await page.getByTestId('botview-row').first().click();
  await expect(page.getByTestId('botview-transcript')).toContainText('太差劲了');
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.screenshot({ path: 'assets/screenshots/botview.png' });
  await page.getByTestId('botview-takeover').click();

  await expect(page.getByTestId('notice')).toContainText('已接管');
  await expect(page.getByTestId('conversation-view').getByTestId('owner')).toHaveAttribute('data-owner', 'supervisor');
  await expect(fromWidget(angry, 'system').last()).toContainText('苏主管');
  await page.getByTestId('composer-input').fill('非常抱歉让您久等了，我是主管苏，马上为您催发货。');
  await page.getByTestId('composer-input').press('Enter');
  await expect(fromWidget(angry, 'agent').last()).toContainText('我是主管苏');

  // A question the bot could answer: after the takeover, only the supervisor may speak.
  await customerSays(angry, '能开发票吗？');
  await expect(page.getByTestId('conversation-view')).toHaveAttribute('data-conversation', conversationId);
  await page.waitForTimeout(1_000); // the bot answers within milliseconds; give a wrong answer time to show
  const log = await hubLog(hub.url, supervisorToken);
  const mine = eventsFor(log, conversationId);
  const takeover = mine.findIndex((e) => e.type === 'conversation.takeover');
  expect(takeover).toBeGreaterThan(0);
  const botAfter = mine.slice(takeover).filter((e) => e.type === 'message.created' && e.data.author.kind === 'bot');
  expect(botAfter).toEqual([]);
  // The customer saw exactly the bot lines the hub logged, all before the takeover: its
  // answer, and its hand-over notice when it came before the supervisor's click.
  const botLines = mine.filter((e) => e.type === 'message.created' && e.data.author.kind === 'bot');
  expect(botLines.length).toBeGreaterThanOrEqual(1);
  await expect(fromWidget(angry, 'bot')).toHaveCount(botLines.length);
  const audit = log.filter((e) => e.type === 'audit.entry' && e.data.conversationId === conversationId);
  expect(audit.map((e) => e.type === 'audit.entry' && [e.data.action, e.data.actorName])).toContainEqual(['takeover', '苏主管']);
  // The supervisor's own audit log (cached from the hub's audit events) shows it too.
  await page.keyboard.press('Escape');
  await page.getByTestId('open-audit').click();
  await expect(page.locator('[data-testid="audit-row"][data-action="takeover"]')).toContainText('苏主管');
  await page.keyboard.press('Escape');

  // The calm customer is still the bot's, alone in the bot view now.
  await page.locator('body').press('b');
  await expect(page.getByTestId('botview-row')).toHaveCount(1);
  await expect(rowOf(page, 'botview-row', conversationId)).toHaveCount(0);
});

test('two supervisors take over the same conversation at once: exactly one wins, the other sees who', async ({ browser }) => {
  const samToken = await hub.issueToken({ account: ACCOUNT, person: 'sam', personName: '山姆主管', role: 'supervisor' });
  const sue = await workstation(browser, supervisorToken);
  const sam = await workstation(browser, samToken);
  const customer = await widget(await (await browser.newContext({ locale: 'zh-CN' })).newPage());
  await customerSays(customer, '下单后几天发出呀？');
  await expect(fromWidget(customer, 'bot')).toHaveCount(1);
  const conversationId = await conversationOf('几天发出');

  for (const p of [sue, sam]) {
    await rowOf(p, 'conversation-row', conversationId).click();
    await expect(p.getByTestId('takeover-button')).toBeVisible();
  }
  // Both click in the same instant: once the winner's takeover reaches the other page its
  // button goes away, so a real race needs both clicks armed in advance. Sending the two
  // clicks one after the other (even unawaited) let the first take over before the second
  // page got its click on a loaded machine (CI); a timer in each page, set for the same
  // moment on the machine's one clock, leaves only the timers' jitter between them.
  const at = Date.now() + 400;
  const clickTakeover = (p: Page) =>
    p.evaluate(async (when) => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="takeover-button"]');
      if (!button) throw new Error('no takeover button to arm');
      await new Promise((resolve) => setTimeout(resolve, when - Date.now()));
      if (!button.isConnected) throw new Error('the other takeover arrived before this click fired');
      button.click();
    }, at);
  await Promise.all([clickTakeover(sue), clickTakeover(sam)]);
  const notices = await Promise.all(
    [sue, sam].map(async (p) => {
      await expect(p.getByTestId('notice')).toBeVisible();
      return p.getByTestId('notice').innerText();
    }),
  );
  const won = notices.filter((n) => n.includes('已接管'));
  const lost = notices.filter((n) => !n.includes('已接管'));
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  const winner = notices[0]!.includes('已接管') ? '苏主管' : '山姆主管';
  expect(lost[0]).toContain(winner);

  const takeovers = eventsFor(await hubLog(hub.url, supervisorToken), conversationId).filter((e) => e.type === 'conversation.takeover');
  expect(takeovers).toHaveLength(1);
  await expect(customer.locator('[data-testid="widget-message"][data-from="system"]').filter({ hasText: winner })).toHaveCount(1);
});

test('an agent escalates while offline; on reconnect the escalation lands once, with its summary', async ({ browser }) => {
  const page = await workstation(browser, agentToken);
  const customer = await widget(await (await browser.newContext({ locale: 'zh-CN' })).newPage());
  await customerSays(customer, '我要转人工，订单 202611250042 的退款三天了还没到账');
  const conversationId = await conversationOf('202611250042');
  await rowOf(page, 'conversation-row', conversationId).click();
  await page.getByTestId('claim-button').click();
  await expect(page.getByTestId('conversation-view').getByTestId('owner')).toHaveAttribute('data-owner', 'human');

  await hub.stop();
  await expectStatus(page, ACCOUNT, 'offline');
  await page.locator('body').press('x');
  await page.getByTestId('escalate-target-tier2').check();
  await page.getByTestId('escalate-reason').selectOption('refund');
  // The summary is made locally from the last turns: it works with the hub gone.
  await expect(page.getByTestId('escalate-summary')).toHaveValue(/202611250042/);
  await page.getByTestId('escalate-send').click();
  await expect(page.getByTestId('notice')).toContainText('排队');
  await expect(page.getByTestId('outbox-escalation')).toHaveCount(1);

  // Reload while queued: the outbox is in IndexedDB, not in memory.
  await page.reload();
  await rowOf(page, 'conversation-row', conversationId).click();
  await expect(page.getByTestId('outbox-escalation')).toHaveCount(1);
  await hub.start();
  await expectStatus(page, ACCOUNT, 'online', 45_000);
  await expect(page.getByTestId('outbox-escalation')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('escalation-card')).toContainText('202611250042');

  const escalations = eventsFor(await hubLog(hub.url, supervisorToken), conversationId).filter((e) => e.type === 'conversation.escalated');
  expect(escalations).toHaveLength(1);
  const [escalated] = escalations;
  expect(escalated?.type === 'conversation.escalated' && [escalated.data.target, escalated.data.queue]).toEqual(['tier2', 'tier2']);
  expect(escalated?.type === 'conversation.escalated' && escalated.data.summary).toContain('202611250042');
  // It left the agent's hands: queued in tier 2, nobody assigned.
  await expect(page.getByTestId('conversation-view').getByTestId('owner')).toHaveAttribute('data-owner', 'queued');
});
