import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { connectAgent, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, eventually } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';
import { CUSTOMER_LINES } from './customerLines.js';
import { startSimulator } from './simulator.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

it('sends customer messages through /customer and stops by itself after maxMessages', async () => {
  const shopA = await makeAccount(t.hub);
  const shopB = await makeAccount(t.hub);
  const agentA = await connectAgent(t.hub, shopA);
  const agentB = await connectAgent(t.hub, shopB);
  const sim = startSimulator({ hubUrl: t.hub.url, accountIds: [shopA.accountId, shopB.accountId], intervalMs: 10, maxMessages: 6 });
  await sim.finished;
  expect(sim.sent).toBe(6);

  const customerMessages = () =>
    [...agentA.events, ...agentB.events].filter((e) => e.type === 'message.created' && e.data.author.kind === 'customer');
  await eventually(() => expect(customerMessages()).toHaveLength(6));
  for (const event of customerMessages()) expect(CUSTOMER_LINES).toContain(event.type === 'message.created' && event.data.text);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(customerMessages()).toHaveLength(6);
  await sim.stop(); // safe after it stopped itself
});

it('stop() ends a running simulation early', async () => {
  const shop = await makeAccount(t.hub);
  const sim = startSimulator({ hubUrl: t.hub.url, accountIds: [shop.accountId], intervalMs: 5, maxMessages: 1000 });
  await eventually(() => expect(sim.sent).toBeGreaterThan(0));
  await sim.stop();
  const sentAtStop = sim.sent;
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(sim.sent).toBeLessThanOrEqual(sentAtStop + 1); // at most the one in flight
});
