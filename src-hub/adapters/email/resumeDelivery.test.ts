import { afterAll, afterEach, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../index.js';
import { connectAgent, makeAccount } from '../../testing/fixtures.js';
import { sendTestMail, startTestRelay, type TestRelay } from '../../testing/smtp.js';
import { closeAllSockets, command, eventually } from '../../testing/sockets.js';
import { startTestHub, uniqueId, type TestHub } from '../../testing/testHub.js';

const relays: TestRelay[] = [];
let first: TestHub | null = null;
let second: RunningHub | null = null;
afterEach(closeAllSockets);
afterAll(async () => {
  await second?.close();
  await first?.dispose(); // closing twice is safe; this also removes the data dir
  await Promise.all(relays.map((relay) => relay.close()));
});

it('a reply still waiting for its relay when the hub stops is sent by the next start, with the same Message-ID', async () => {
  const down = await startTestRelay('down');
  const up = await startTestRelay('up');
  relays.push(down, up);
  const email = (port: number) => ({ smtpPort: 0, relay: { host: '127.0.0.1', port }, retryDelaysMs: [60_000] });

  first = await startTestHub(undefined, { email: email(down.port) });
  const fixture = await makeAccount(first.hub, 'email');
  const agent = await connectAgent(first.hub, fixture);
  await sendTestMail(first.hub.email!.smtpPort!, { from: 'buyer@customer.example', to: first.hub.email!.addressOf(fixture.accountId), subject: '物流', text: '到哪了？' });
  const conversationId = await eventually(() => agent.events.find((e) => e.type === 'conversation.upsert')!.data.id as string);
  const ack = await command(agent.socket, 'message.send', { clientId: uniqueId('reply'), conversationId, text: '已发货，明天到' });
  await eventually(() => expect(down.connections).toBe(1));
  const stoppedAt = Date.now();
  await first.hub.close(); // mid-backoff: must not wait the minute out
  expect(Date.now() - stoppedAt).toBeLessThan(5_000);

  second = await startHub({ dataDir: first.dataDir, port: 0, email: email(up.port) });
  const later = await connectAgent(second, fixture);
  await eventually(() => expect(up.received.map((m) => m.text?.trim())).toEqual(['已发货，明天到']));
  expect(up.received[0]!.messageId).toBe(`<${ack.message.id}@localhost>`);
  await eventually(() =>
    expect(later.events.filter((e) => e.type === 'message.status').map((e) => e.data)).toEqual([
      { messageId: ack.message.id, conversationId, status: 'delivered' },
    ]),
  );
}, 60_000); // two hub starts, each opening PGlite: seconds apiece on a loaded machine
