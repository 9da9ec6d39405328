import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { adminSecretPath } from '../http/adminSecret.js';
import { connectAgent, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually } from '../testing/sockets.js';
import { startTestHub, uniqueId, type TestHub } from '../testing/testHub.js';
import { startConnector } from './connector.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

it('the example Taobao connector posts signed Chinese messages and prints the agent reply its callback receives', async () => {
  const shop = await makeAccount(t.hub, 'taobao');
  const { secret } = await t.hub.admin.issueWebhookSecret(shop.accountId);
  const agent = await connectAgent(t.hub, shop);
  const lines: string[] = [];
  const connector = await startConnector({ hubUrl: t.hub.url, accountId: shop.accountId, secret, messages: 4, intervalMs: 5, log: (line) => lines.push(line) });
  try {
    const adminSecret = (await readFile(adminSecretPath(t.dataDir), 'utf8')).trim();
    const set = await fetch(`${t.hub.url}/admin/webhook/accounts/${shop.accountId}/callback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminSecret}` },
      body: JSON.stringify({ callbackUrl: connector.callbackUrl }),
    });
    expect(set.status).toBe(200);

    expect((await connector.posted).map((a) => a.status)).toEqual([202, 202, 202, 202]);
    await eventually(() => expect(agent.events.filter((e) => e.type === 'message.created')).toHaveLength(4));
    const created = agent.events.flatMap((e) => (e.type === 'message.created' ? [e.data] : []));
    expect(created[0]!.text).toMatch(/[\u4e00-\u9fff]/);

    await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId: created[0]!.conversationId, text: '亲，已经帮您催物流了' });
    await eventually(() => expect(connector.replies.map((r) => r.text)).toEqual(['亲，已经帮您催物流了']));
    expect(connector.replies[0]!.customerId).toBe('taobao-buyer-1');
    expect(lines.at(-1)).toBe('reply to taobao-buyer-1: 亲，已经帮您催物流了');
  } finally {
    await connector.close();
  }
});

it('refuses a hub that is not on loopback', async () => {
  await expect(startConnector({ hubUrl: 'http://example.com', accountId: 'x', secret: 'x' })).rejects.toThrow(/loopback/);
});
