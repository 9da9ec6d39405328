import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SVG_WITH_SCRIPT } from '../../../src-shared/domain/imageSamples.js';
import { fetchImage, sampleBytes, uploadImage } from '../../attachments/testing.js';
import { connectAgent, makeAccount } from '../../testing/fixtures.js';
import { sendTestMail, startTestRelay, type TestRelay } from '../../testing/smtp.js';
import { closeAllSockets, command, eventually } from '../../testing/sockets.js';
import { startTestHub, uniqueId, type TestHub } from '../../testing/testHub.js';

/** Images by real SMTP both ways: MIME parts in, MIME parts out. */
let relay: TestRelay;
let t: TestHub;
beforeAll(async () => {
  relay = await startTestRelay();
  t = await startTestHub(undefined, { email: { smtpPort: 0, relay: { host: '127.0.0.1', port: relay.port }, retryDelaysMs: [50, 100] } });
});
afterEach(closeAllSockets);
afterAll(async () => {
  await t.dispose();
  await relay.close();
});

const created = (events: Array<{ type: string; data: unknown }>) =>
  events.flatMap((e) => (e.type === 'message.created' ? [e.data as { text: string; conversationId: string; attachments?: Array<{ id: string; mime: string; name: string }> }] : []));

describe('email images', () => {
  it('an inbound image becomes an attachment; an svg posing as png and a pdf stay lines of text', async () => {
    const fixture = await makeAccount(t.hub, 'email');
    const agent = await connectAgent(t.hub, fixture);
    const png = sampleBytes('image/png');
    await sendTestMail(t.hub.email!.smtpPort!, {
      from: `${uniqueId('buyer')}@customer.example`,
      to: t.hub.email!.addressOf(fixture.accountId),
      subject: '破损照片',
      text: '箱子破了',
      attachments: [
        { filename: 'box.png', content: png, contentType: 'image/png' },
        { filename: 'evil.png', content: Buffer.from(SVG_WITH_SCRIPT), contentType: 'image/png' },
        { filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' },
      ],
    });
    const message = await eventually(() => created(agent.events)[0]!);
    expect(message.attachments).toEqual([expect.objectContaining({ mime: 'image/png', name: 'box.png' })]);
    expect(message.text).toMatch(/box\.png[\s\S]*evil\.png[\s\S]*invoice\.pdf/);
    const served = await fetchImage(t.hub.url, fixture.accountId, message.attachments![0]!.id, { token: fixture.tokens.agent });
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it('an agent reply with an image is mailed with the image as a MIME part of the verified type', async () => {
    const fixture = await makeAccount(t.hub, 'email');
    const agent = await connectAgent(t.hub, fixture);
    const from = `${uniqueId('buyer')}@customer.example`;
    await sendTestMail(t.hub.email!.smtpPort!, { from, to: t.hub.email!.addressOf(fixture.accountId), subject: '尺码', text: '哪个尺码？' });
    const conversationId = await eventually(() => created(agent.events)[0]!.conversationId);
    const jpeg = sampleBytes('image/jpeg');
    const { body } = await uploadImage(t.hub.url, fixture.accountId, { token: fixture.tokens.agent }, jpeg, 'image/jpeg', '尺码表.jpg');
    const ack = await command(agent.socket, 'message.send', {
      clientId: uniqueId('reply'),
      conversationId,
      text: '请看尺码表',
      attachments: [{ id: body.attachment.id, name: '尺码表.jpg' }],
    });
    expect(ack.ok).toBe(true);
    const mail = await eventually(() => {
      const found = relay.received.find((m) => m.text?.includes('请看尺码表'));
      if (!found) throw new Error('not mailed yet');
      return found;
    });
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['尺码表.jpg', 'image/jpeg']]);
    expect(mail.attachments[0]!.content.equals(jpeg)).toBe(true);
  });
});
