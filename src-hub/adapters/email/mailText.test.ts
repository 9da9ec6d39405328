import { describe, expect, it } from 'vitest';
import { attachmentLine, htmlToText, messageTextOf, stripQuotedHistory } from './mailText.js';
import { mailIdsIn } from './parseMail.js';
import { replySubject } from './composeReply.js';

describe('htmlToText', () => {
  it.each([
    ['<p>你好</p><script>alert(1)</script><p>发票</p>', '你好\n发票'],
    ['<div>a<br>b<br/>c</div>', 'a\nb\nc'],
    ['<style>p{color:red}</style><b>粗</b> &amp; <i>斜</i>', '粗 & 斜'],
    ['<img src=x onerror=alert(1)>price &lt; 5', 'price < 5'],
    ['<a href="javascript:alert(1)">点我</a>', '点我'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html).trim()).toBe(text);
  });
});

describe('stripQuotedHistory', () => {
  it.each([
    ['thanks!\n\nOn Mon, 1 Jan 2024 at 10:00, Shop <shop@x> wrote:\n> old text', 'thanks!'],
    ['好的\n\n在 2024年1月1日 10:00，客服 <shop@x> 写道：\n> 旧内容', '好的'],
    ['see below\n> quoted\nmine', 'see below\nmine'],
    ['ok\n-----Original Message-----\nFrom: x', 'ok'],
    ['> only quoted', '> only quoted'],
    ['No history here.\nSecond line.', 'No history here.\nSecond line.'],
  ])('%j → %j', (input, output) => {
    expect(stripQuotedHistory(input)).toBe(output);
  });
});

describe('messageTextOf', () => {
  it('prefers the plain-text part over the HTML one', () => {
    expect(messageTextOf({ text: 'plain', html: '<p>html</p>', attachments: [] })).toBe('plain');
  });

  it('adds one line per attachment and keeps within the message limit', () => {
    const text = messageTextOf({ text: 'x'.repeat(20_000), attachments: [{ filename: 'invoice.pdf', size: 120 * 1024 }] });
    expect(text.length).toBeLessThanOrEqual(10_000);
    expect(text).toMatch(/…\[truncated\]\n\[附件 attachment: invoice\.pdf, 120 KB\]$/);
  });

  it('never yields empty text', () => {
    expect(messageTextOf({ text: '  ', html: false, attachments: [] })).toBe('（无正文 no text）');
  });

  it.each([
    [{ filename: 'a.txt', size: 10 }, '[附件 attachment: a.txt, 10 B]'],
    [{ filename: undefined, size: 2048 }, '[附件 attachment: unnamed, 2 KB]'],
    [{ filename: 'evil\r\nname.pdf', size: 1 }, '[附件 attachment: evil name.pdf, 1 B]'],
  ])('attachment %j → %s', (attachment, line) => {
    expect(attachmentLine(attachment)).toBe(line);
  });
});

describe('threading headers', () => {
  it.each([
    ['<a@b>', ['a@b']],
    ['<a@b> <c@d>', ['a@b', 'c@d']],
    [['<a@b>', '<c@d>'], ['a@b', 'c@d']],
    ['bare@id', ['bare@id']],
    ['not an id', []],
    [undefined, []],
  ])('mailIdsIn(%j) → %j', (header, ids) => {
    expect(mailIdsIn(header)).toEqual(ids);
  });

  it.each([
    ['退款', 'Re: 退款'],
    ['Re: 退款', 'Re: 退款'],
    ['RE：退款', 'RE：退款'],
    ['回复: 退款', '回复: 退款'],
    [null, 'Re:'],
  ])('replySubject(%j) → %j', (subject, reply) => {
    expect(replySubject(subject)).toBe(reply);
  });
});
