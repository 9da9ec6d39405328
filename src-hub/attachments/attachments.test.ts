import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src-shared/domain/attachment.js';
import { SVG_WITH_SCRIPT } from '../../src-shared/domain/imageSamples.js';
import { CustomerMessage } from '../../src-shared/hub/customer.js';
import { connectAgent, connectCustomer, customerSays, makeAccount } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';
import { fetchImage, sampleBytes, uploadImage } from './testing.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

const png = sampleBytes('image/png');

describe('uploading images', () => {
  it('stores a verified image once per content and answers what it verified', async () => {
    const { accountId, tokens } = await makeAccount(t.hub);
    const first = await uploadImage(t.hub.url, accountId, { token: tokens.agent }, png, 'image/png', 'C:\\temp\\截图\n1.png');
    expect(first.status).toBe(201);
    expect(first.body.attachment).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
      kind: 'image',
      mime: 'image/png',
      size: png.length,
      width: 1,
      height: 1,
      name: '截图1.png',
    });
    // A replayed upload (another person, same bytes): the same id, nothing stored again.
    const again = await uploadImage(t.hub.url, accountId, { token: tokens.lead }, png, 'image/png');
    expect(again.status).toBe(200);
    expect(again.body.attachment.id).toBe(first.body.attachment.id);
  });

  it.each([
    ['png bytes claimed as jpeg', png, 'image/jpeg', 415, /not image\/jpeg/],
    ['an svg as svg', Buffer.from(SVG_WITH_SCRIPT), 'image/svg+xml', 415, /not an image type we take/],
    ['an svg claimed as png', Buffer.from(SVG_WITH_SCRIPT), 'image/png', 415, /not a PNG, JPEG, GIF or WebP/],
    ['html claimed as gif', Buffer.from('<html><script>alert(1)</script>'), 'image/gif', 415, /not a PNG/],
    ['one byte over the limit', Buffer.concat([png, Buffer.alloc(MAX_ATTACHMENT_BYTES)]), 'image/png', 413, /larger than 5 MB/],
  ])('refuses %s', async (_, body, mime, status, message) => {
    const { accountId, tokens } = await makeAccount(t.hub);
    const answer = await uploadImage(t.hub.url, accountId, { token: tokens.agent }, body, mime);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'unsupported-media', message: expect.stringMatching(message) } });
  });

  it('refuses uploads without a valid token of this account', async () => {
    const mine = await makeAccount(t.hub);
    const other = await makeAccount(t.hub);
    expect((await uploadImage(t.hub.url, mine.accountId, null, png, 'image/png')).status).toBe(401);
    expect((await uploadImage(t.hub.url, mine.accountId, { token: other.tokens.agent }, png, 'image/png')).status).toBe(401);
    expect((await uploadImage(t.hub.url, mine.accountId, { token: `${mine.tokens.agent}x` }, png, 'image/png')).status).toBe(401);
    // A visitor who never wrote may not store anything.
    expect((await uploadImage(t.hub.url, mine.accountId, { visitorId: 'visitor-silent' }, png, 'image/png')).status).toBe(403);
  });

  it('lets visitors of an account upload a burst of images, then slows them down', async () => {
    const { accountId } = await makeAccount(t.hub);
    await customerSays(t.hub, accountId, '我有几张照片', 'visitor-many-photos');
    const statuses: number[] = [];
    // Distinct bytes each time (a trailing byte after the image), so none is a replay of another.
    for (let i = 0; i < 21; i++) {
      const bytes = Buffer.concat([png, Buffer.from([i])]);
      statuses.push((await uploadImage(t.hub.url, accountId, { visitorId: 'visitor-many-photos' }, bytes, 'image/png')).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('says a text-only channel does not take images, at upload and at send', async () => {
    const { accountId, tokens } = await makeAccount(t.hub, 'webhook');
    const answer = await uploadImage(t.hub.url, accountId, { token: tokens.agent }, png, 'image/png');
    expect(answer).toMatchObject({ status: 415, body: { error: { code: 'unsupported-media', message: 'this channel does not take images' } } });
  });
});

describe('sending and serving images', () => {
  it('an agent sends an image: the message carries it, its visitor sees it, other visitors and strangers do not', async () => {
    const fixture = await makeAccount(t.hub);
    const { accountId, tokens } = fixture;
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, accountId, 'visitor-with-image');
    const { message: first } = await command(customer.socket, 'customer.send', { text: '截图发我看看' });
    const { body } = await uploadImage(t.hub.url, accountId, { token: tokens.agent }, png, 'image/png', 'fix.png');
    const id = body.attachment.id as string;

    const sent = await command(agent.socket, 'message.send', {
      clientId: 'img-reply-01',
      conversationId: first.conversationId,
      text: '请看图',
      attachments: [{ id, name: 'fix.png' }],
    });
    expect(sent).toMatchObject({ ok: true, message: { attachments: [{ id, mime: 'image/png', size: png.length, name: 'fix.png' }] } });
    await eventually(() => {
      const seen = customer.received.filter((r) => r.name === 'message').map((r) => CustomerMessage.parse(r.payload));
      expect(seen.at(-1)?.attachments?.[0]?.id).toBe(id);
    });

    const asAgent = await fetchImage(t.hub.url, accountId, id, { token: tokens.agent });
    expect(asAgent.status).toBe(200);
    expect(asAgent.headers.get('content-type')).toBe('image/png');
    expect(asAgent.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asAgent.headers.get('content-disposition')).toBe(`inline; filename="${id.slice(0, 16)}.png"`);
    expect(Buffer.from(await asAgent.arrayBuffer()).equals(png)).toBe(true);

    expect((await fetchImage(t.hub.url, accountId, id, { visitorId: 'visitor-with-image' })).status).toBe(200);
    expect((await fetchImage(t.hub.url, accountId, id, { visitorId: 'visitor-someone-else' })).status).toBe(404);
    expect((await fetchImage(t.hub.url, accountId, id, null)).status).toBe(401);
    const other = await makeAccount(t.hub);
    expect((await fetchImage(t.hub.url, accountId, id, { token: other.tokens.agent })).status).toBe(401);
    expect((await fetchImage(t.hub.url, other.accountId, id, { token: other.tokens.agent })).status).toBe(404);
    // Paths that look like something else are not.
    expect((await fetchImage(t.hub.url, accountId, 'upload', { token: tokens.agent })).status).toBe(404);
    expect((await fetch(`${t.hub.url}/attachments/${accountId}`, { headers: { authorization: `Bearer ${tokens.agent}` } })).status).toBe(405);
  });

  it('a message naming an image that was never uploaded here is refused and stores nothing', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId);
    const { message } = await command(customer.socket, 'customer.send', { text: 'hi' });
    const refused = await command(agent.socket, 'message.send', {
      clientId: 'img-reply-02',
      conversationId: message.conversationId,
      text: 'x',
      attachments: [{ id: 'f'.repeat(64), name: 'x.png' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // The clientId is still free: nothing was stored under it.
    const plain = await command(agent.socket, 'message.send', { clientId: 'img-reply-02', conversationId: message.conversationId, text: 'x' });
    expect(plain).toMatchObject({ ok: true, duplicate: false });
  });

  it('a widget customer who has written may attach an image the agent then sees', async () => {
    const fixture = await makeAccount(t.hub);
    const agent = await connectAgent(t.hub, fixture);
    const customer = connectCustomer(t.hub, fixture.accountId, 'visitor-sends-image');
    await command(customer.socket, 'customer.send', { text: '包裹破了' });
    const gif = sampleBytes('image/gif');
    const { status, body } = await uploadImage(t.hub.url, fixture.accountId, { visitorId: 'visitor-sends-image' }, gif, 'image/gif', 'box.gif');
    expect(status).toBe(201);
    const sent = await command(customer.socket, 'customer.send', { text: '[图片 image: box.gif]', attachments: [{ id: body.attachment.id, name: 'box.gif' }] });
    expect(sent).toMatchObject({ ok: true, message: { attachments: [{ mime: 'image/gif', name: 'box.gif' }] } });
    await eventually(() =>
      expect(agent.events.some((e) => e.type === 'message.created' && e.data.attachments?.[0]?.id === body.attachment.id)).toBe(true),
    );
  });
});
