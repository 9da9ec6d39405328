import { describe, expect, it } from 'vitest';
import { asciiBytes, base64ToBytes } from '../bridge/base64.js';
import { HubCommands } from '../hub/commands.js';
import { CustomerSend } from '../hub/customer.js';
import { Attachment, channelTakesImages, imageProblem, MAX_ATTACHMENT_BYTES, sanitizeAttachmentName, sniffImageMime } from './attachment.js';
import { IMAGE_SAMPLES, SVG_WITH_SCRIPT } from './imageSamples.js';
import { Message } from './message.js';
import { sampleMessage } from './messageSample.js';

const bytesOf = base64ToBytes;
const id = 'a'.repeat(64);

describe('sniffImageMime', () => {
  it.each(Object.entries(IMAGE_SAMPLES))('%s is recognised by its magic bytes', (mime, base64) => {
    expect(sniffImageMime(bytesOf(base64))).toBe(mime);
  });

  it.each([
    ['svg', asciiBytes(SVG_WITH_SCRIPT)],
    ['html', asciiBytes('<html><script>1</script></html>')],
    ['empty', new Uint8Array()],
    ['riff that is not webp', asciiBytes('RIFF\0\0\0\0WAVEfmt ')],
    ['half a png signature', new Uint8Array([0x89, 0x50, 0x4e, 0x47])],
  ])('%s is no image', (_, bytes) => {
    expect(sniffImageMime(bytes)).toBeNull();
  });
});

describe('imageProblem', () => {
  const png = bytesOf(IMAGE_SAMPLES['image/png']);
  it.each([
    ['a true png', png, 'image/png', null],
    ['png bytes claimed as jpeg', png, 'image/jpeg', /not image\/jpeg/],
    ['svg claimed as svg', asciiBytes(SVG_WITH_SCRIPT), 'image/svg+xml', /not an image type we take/],
    ['svg claimed as png', asciiBytes(SVG_WITH_SCRIPT), 'image/png', /not a PNG, JPEG, GIF or WebP/],
    ['nothing', new Uint8Array(), 'image/png', /empty/],
    ['too large', new Uint8Array(MAX_ATTACHMENT_BYTES + 1), 'image/png', /larger than 5 MB/],
  ])('%s', (_, bytes, claimed, problem) => {
    const found = imageProblem(bytes, claimed);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe('sanitizeAttachmentName', () => {
  it.each([
    ['screenshot.png', 'screenshot.png'],
    ['C:\\Users\\me\\Desktop\\截图 1.png', '截图 1.png'],
    ['../../etc/passwd', 'passwd'],
    // A slash is a path separator wherever it stands: only the last part is a name.
    ['evil\r\nContent-Type: text/html.png', 'html.png'],
    ['evil\r\nname.png', 'evilname.png'],
    ['a"b<c>.png', 'abc.png'],
    ['\u202egnp.exe', 'gnp.exe'],
    ['...hidden.png', 'hidden.png'],
    ['', 'image'],
    ['x'.repeat(500), 'x'.repeat(120)],
  ])('%j → %j', (raw, clean) => {
    expect(sanitizeAttachmentName(raw)).toBe(clean);
  });
});

describe('the contract', () => {
  const attachment = { id, kind: 'image', mime: 'image/png', size: 68, width: 1, height: 1, name: 'a.png' } as const;
  const message = sampleMessage({ author: { kind: 'agent', id: 'p1', name: 'Ann' }, text: 'hello' });

  it('keeps older messages without attachments valid', () => {
    expect(Message.safeParse(message).success).toBe(true);
  });

  it('takes a message with images and refuses svg or oversize ones', () => {
    expect(Message.safeParse({ ...message, attachments: [attachment] }).success).toBe(true);
    expect(Attachment.safeParse({ ...attachment, mime: 'image/svg+xml' }).success).toBe(false);
    expect(Attachment.safeParse({ ...attachment, size: MAX_ATTACHMENT_BYTES + 1 }).success).toBe(false);
    expect(Attachment.safeParse({ ...attachment, id: 'not-a-hash' }).success).toBe(false);
  });

  it('cleans names as it parses them', () => {
    expect(Attachment.parse({ ...attachment, name: '/tmp/x\n.png' }).name).toBe('x.png');
  });

  it('lets message.send and the widget name at most four uploaded images', () => {
    const send = HubCommands['message.send'].input;
    const refs = (n: number) => Array.from({ length: n }, () => ({ id, name: 'a.png' }));
    expect(send.safeParse({ clientId: 'client-0001', conversationId: 'c1', text: 'hi' }).success).toBe(true);
    expect(send.safeParse({ clientId: 'client-0001', conversationId: 'c1', text: 'hi', attachments: refs(4) }).success).toBe(true);
    expect(send.safeParse({ clientId: 'client-0001', conversationId: 'c1', text: 'hi', attachments: refs(5) }).success).toBe(false);
    expect(send.safeParse({ clientId: 'client-0001', conversationId: 'c1', text: 'hi', attachments: [] }).success).toBe(false);
    expect(CustomerSend.safeParse({ text: 'hi', attachments: refs(1) }).success).toBe(true);
  });

  it.each([
    ['webchat', true],
    ['email', true],
    ['webhook', false],
    ['taobao', false],
  ] as const)('%s takes images: %s', (channel, takes) => {
    expect(channelTakesImages(channel)).toBe(takes);
  });
});
