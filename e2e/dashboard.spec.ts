import { expect, test, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, ownershipOf, parseAccountToken, queueOf, type Conversation, type HubEvent } from '../src-shared/index.js';
import { startSimulator } from '../src-hub/sim/simulator.js';
import { hubLog } from './hubProbe.js';
import { HostProcess, HubProcess } from './stack.js';
import { addAccount, customerSays, expectStatus, recordNotifications } from './workstation.js';

// A lead watches the live queues: numbers from the real hub, reassigning, history across a reload.
const hub = new HubProcess();
const host = new HostProcess();
let leadToken = '';
let probe = '';
let alice: Socket | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await hub.start();
  leadToken = await hub.createAccount({ id: 'deer-web', name: '小鹿官网', person: 'lena', personName: '组长 Lena', role: 'lead' });
  probe = await hub.issueToken({ account: 'deer-web', person: 'probe', personName: 'Probe', role: 'lead' });
  // Alice works on her own workstation: online, so routing lists her in the queue's agents.
  alice = await agentOnline(hub.url, await hub.issueToken({ account: 'deer-web', person: 'alice', personName: 'Alice', role: 'agent' }));
  await host.start();
});

test.afterAll(async () => {
  alice?.close();
  await host.dispose();
  await hub.dispose();
});

/** Connects as an agent elsewhere and says "online", through the hub's own commands. */
async function agentOnline(hubUrl: string, token: string): Promise<Socket> {
  const accountId = parseAccountToken(token)!.accountId;
  const socket = io(`${hubUrl}${AGENT_NAMESPACE}`, { auth: { accountId, token, cursor: 0 }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('sync.done', () => resolve());
  });
  const ack = (await socket.emitWithAck('agent.status', { status: 'online' })) as { ok: boolean };
  if (!ack.ok) throw new Error('agent.status refused');
  return socket;
}

/** The hub's own view, folded from its event log: each conversation as last recorded. */
const latestConversations = (log: HubEvent[]): Conversation[] => [
  ...new Map(log.flatMap((e) => (e.type === 'conversation.upsert' ? [[e.data.id, e.data] as const] : []))).values(),
];
const waitingInHub = async (queue: string) =>
  latestConversations(await hubLog(hub.url, probe)).filter((c) => c.status !== 'resolved' && queueOf(c) === queue && ownershipOf(c) === 'queued').length;

const tile = (page: Page, queue: string) => page.locator(`[data-testid="queue-tile"][data-queue="${queue}"]`);

test('the lead sees the hub’s waiting count, reassigns by menu, and the numbers follow', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await addAccount(page, hub.url, leadToken);
  await expectStatus(page, 'deer-web', 'online');

  // Three customers ask for a person: the bot hands each over to the general queue.
  for (const text of ['转人工，我的沙发到现在还没发货', '我要找人工客服，发票开错了', '人工！！台灯坏了要退货']) {
    const customer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await customer.goto(`${hub.url}/widget/deer-web`);
    await customerSays(customer, text);
  }
  await expect.poll(() => waitingInHub('general'), { timeout: 20_000 }).toBe(3);

  // `d` opens the dashboard; the tile says what the hub holds.
  await page.locator('body').press('d');
  await expect(page.getByTestId('dashboard-panel')).toBeVisible();
  await expect(tile(page, 'general').getByTestId('tile-waiting')).toHaveText(String(await waitingInHub('general')));
  await expect(tile(page, 'tier2')).toBeVisible();
  await expect(tile(page, 'general').getByTestId('tile-longest')).not.toHaveText('0:00');
  await expect(page.locator('[data-testid="agent-row"][data-person="alice"]')).toContainText('0 / 5');

  // The queue's conversations, from the cache: all three waiting.
  await tile(page, 'general').click();
  const rows = page.getByTestId('queue-conversation');
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId('queue-conversation-owner')).toHaveText(['排队中', '排队中', '排队中']);

  // Reassign the longest-waiting one to Alice by menu: the hub records it, the numbers follow.
  const first = rows.first();
  const conversationId = (await first.getAttribute('data-conversation'))!;
  await first.getByTestId('reassign').selectOption('alice');
  await expect(page.getByTestId('notice')).toHaveText('已转派。');
  await expect
    .poll(async () => latestConversations(await hubLog(hub.url, probe)).find((c) => c.id === conversationId)?.assigneeId)
    .toBe('alice');
  await expect(tile(page, 'general').getByTestId('tile-waiting')).toHaveText('2');
  expect(await waitingInHub('general')).toBe(2);
  await expect(tile(page, 'general').getByTestId('tile-active')).toHaveText('1');
  await expect(page.locator('[data-testid="agent-row"][data-person="alice"]')).toContainText('1 / 5');
  await expect(page.locator(`[data-testid="queue-conversation"][data-conversation="${conversationId}"]`)).toHaveAttribute('data-owner', 'human');

  // Back to the queue, by the same menu.
  await page.locator(`[data-testid="queue-conversation"][data-conversation="${conversationId}"]`).getByTestId('reassign').selectOption({ label: '退回队列 general' });
  await expect(tile(page, 'general').getByTestId('tile-waiting')).toHaveText('3');
  await expect.poll(() => waitingInHub('general')).toBe(3);

  // Or by dragging the conversation onto the agent.
  await page.locator(`[data-testid="queue-conversation"][data-conversation="${conversationId}"]`).dragTo(page.locator('[data-testid="agent-row"][data-person="alice"]'));
  await expect
    .poll(async () => latestConversations(await hubLog(hub.url, probe)).find((c) => c.id === conversationId)?.assigneeId)
    .toBe('alice');
  await expect(tile(page, 'general').getByTestId('tile-waiting')).toHaveText('2');
  await expect(page.getByTestId('dashboard-error')).toHaveCount(0);
});

test('with the traffic simulator writing in, the tiles show what the hub holds', async ({ page }) => {
  await page.goto(host.url);
  await expectStatus(page, 'deer-web', 'online');
  await page.locator('body').press('d');
  // Seeded simulated shoppers: some ask what the bot can answer, some want a person.
  const seed = { n: 7 };
  const random = () => ((seed.n = (seed.n * 16807) % 2147483647) - 1) / 2147483646;
  const waitingBefore = await waitingInHub('general');
  const sim = startSimulator({ hubUrl: hub.url, accountIds: ['deer-web'], intervalMs: 120, maxMessages: 24, customersPerAccount: 8, random });
  await sim.finished;
  expect(sim.sent).toBe(24);
  const heldByBot = async () =>
    latestConversations(await hubLog(hub.url, probe)).filter((c) => c.status !== 'resolved' && ownershipOf(c) === 'bot').length;
  // Both numbers as the hub folds them from its own log, against the tile (live frames, once a second).
  const figure = async (id: string) => Number(await tile(page, 'general').getByTestId(id).innerText());
  await expect
    .poll(
      async () => {
        const inHub = [await waitingInHub('general'), await heldByBot()];
        const shown = [await figure('tile-waiting'), await figure('tile-bot')];
        return inHub.join() === shown.join() ? 'same' : `hub ${inHub.join('/')} vs tile ${shown.join('/')}`;
      },
      { timeout: 20_000 },
    )
    .toBe('same');
  // The traffic arrived: this hub's bot has no KB, so it hands every new shopper to the queue.
  expect(await waitingInHub('general')).toBeGreaterThan(waitingBefore);
});

test('the history survives a reload, and the charts draw it', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const openGeneral = async () => {
    await page.getByTestId('open-dashboard').click();
    await tile(page, 'general').click();
  };
  await page.goto(host.url);
  await expectStatus(page, 'deer-web', 'online');
  await openGeneral();
  const charts = page.getByTestId('dashboard-charts');
  await expect(charts).toHaveAttribute('data-first-sample', /^\d+$/);
  const first = await charts.getAttribute('data-first-sample');

  // Reloaded, the same oldest sample is there: read back from IndexedDB, not re-received.
  await page.reload();
  await expectStatus(page, 'deer-web', 'online');
  await openGeneral();
  await expect(charts).toHaveAttribute('data-first-sample', first!);
  await expect(page.getByTestId('chart-throughput').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-waiting').locator('canvas')).toHaveCount(1);
  await expect(tile(page, 'general').getByTestId('tile-waiting')).toHaveText(String(await waitingInHub('general')));
  await page.screenshot({ path: 'assets/screenshots/dashboard.png' });
});

test('an SLA breach in a watched queue notifies the lead, live', async ({ browser }) => {
  // A first-response SLA of 5 s (set like an operator would) instead of the default minute.
  await hub.setRouting('deer-web', { sla: { firstResponseMs: 5_000, nextResponseMs: 120_000 } });
  const context = await browser.newContext({ locale: 'zh-CN' });
  const shown = await recordNotifications(context);
  const page = await context.newPage();
  await page.goto(host.url);
  await expectStatus(page, 'deer-web', 'online');
  // A new customer waits while the lead's page is live.
  const customer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await customer.goto(`${hub.url}/widget/deer-web`);
  await customerSays(customer, '转人工，快递显示签收了但我没收到');
  const breachedAfter = Date.now();
  const breaches = async () => (await hubLog(hub.url, probe)).filter((e) => e.type === 'sla.breached' && e.at >= breachedAfter).length;
  await expect.poll(breaches, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await shown(page)).map((n) => n.title).join('\n'), { timeout: 20_000 }).toContain('SLA 超时');
  await page.locator('body').press('d');
  await expect(tile(page, 'general').getByTestId('tile-sla')).not.toHaveText('0');
  await context.close();
});
