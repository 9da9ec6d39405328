import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { HubEvent } from '../../../src-shared/hub/events.js';
import { connectAgent, makeAccount } from '../../testing/fixtures.js';
import { sendTestMail, startTestRelay, type TestRelay } from '../../testing/smtp.js';
import { closeAllSockets, command, eventually } from '../../testing/sockets.js';
import { startTestHub, uniqueId, type TestHub } from '../../testing/testHub.js';

/** A relay that answers every connection with 421: each delivery attempt is one connection. */
let relay: TestRelay;
let t: TestHub;
beforeAll(async () => {
  relay = await startTestRelay('down');
  t = await startTestHub(undefined, { email: { smtpPort: 0, relay: { host: '127.0.0.1', port: relay.port }, retryDelaysMs: [50, 150] } });
});
afterEach(closeAllSockets);
afterAll(async () => {
  await t.dispose();
  await relay.close();
});

const statuses = (events: HubEvent[]) => events.flatMap((e) => (e.type === 'message.status' ? [e.data.status] : []));

it('a relay that is down: three attempts, then `failed`; the reply and later mail are kept', async () => {
  const fixture = await makeAccount(t.hub, 'email');
  const agent = await connectAgent(t.hub, fixture);
  const inbox = t.hub.email!.addressOf(fixture.accountId);
  await sendTestMail(t.hub.email!.smtpPort!, { from: 'buyer@customer.example', to: inbox, subject: '在吗', text: '在吗？' });
  const conversationId = await eventually(() => agent.events.find((e) => e.type === 'conversation.upsert')!.data.id as string);

  const ack = await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId, text: '在的' });
  // Inbound keeps working while the reply waits between attempts.
  await sendTestMail(t.hub.email!.smtpPort!, { from: 'buyer@customer.example', to: inbox, subject: '在吗', text: '还在吗？' });
  await eventually(() => expect(statuses(agent.events)).toEqual(['failed']));
  expect(relay.connections).toBe(3);
  expect(agent.events.find((e) => e.type === 'message.status')!.data).toMatchObject({ messageId: ack.message.id });

  // A fresh session replays everything: both customer mails and the reply, now marked failed.
  const later = await connectAgent(t.hub, fixture);
  const texts = later.events.flatMap((e) => (e.type === 'message.created' ? [e.data.text] : []));
  expect(texts).toEqual(['在吗？', '在的', '还在吗？']);
  expect(statuses(later.events)).toEqual(['failed']);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(relay.connections).toBe(3); // no attempts after giving up
});
