import { expect, it } from 'vitest';
import { describeZodError } from '../../../src-shared/result.js';
import { InboundMessage } from './inboundMessage.js';

const valid = { eventId: 'tb-evt-1', customer: { id: '张三的店铺买家', name: '张三', phone: '+86 138-0000-0000' }, text: '在吗？', sentAt: 1_700_000_000_000 };

it('accepts a Chinese customer id and a phone', () => {
  expect(InboundMessage.parse(valid).customer.phone).toBe('+86 138-0000-0000');
});

it.each([
  ['no eventId', { ...valid, eventId: undefined }, 'eventId'],
  ['an eventId with a space', { ...valid, eventId: 'a b' }, 'eventId'],
  ['no customer', { ...valid, customer: undefined }, 'customer'],
  ['an empty customer name', { ...valid, customer: { id: 'x', name: '  ' } }, 'customer.name'],
  ['a phone with letters', { ...valid, customer: { ...valid.customer, phone: 'call me' } }, 'customer.phone'],
  ['a bad email', { ...valid, customer: { ...valid.customer, email: 'nope' } }, 'customer.email'],
  ['blank text', { ...valid, text: '   ' }, 'text'],
  ['too long text', { ...valid, text: 'x'.repeat(10_001) }, 'text'],
  ['sentAt as a string', { ...valid, sentAt: '2024-01-01' }, 'sentAt'],
  ['a negative sentAt', { ...valid, sentAt: -1 }, 'sentAt'],
])('%s is refused, naming %s', (_, body, field) => {
  const parsed = InboundMessage.safeParse(body);
  expect(parsed.success).toBe(false);
  expect(describeZodError(parsed.error!)).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
});
