import { describe, expect, it } from 'vitest';
import { describeZodError } from '../result.js';
import { sampleMessage } from '../domain/messageSample.js';
import { HubEvent } from './events.js';

const message = sampleMessage({ text: '<script>alert(1)</script> 你好' });
const valid = { seq: 1, type: 'message.created', at: 1, data: message };

describe('HubEvent', () => {
  it('accepts a long stored message (email can be long) that a composer could not send', () => {
    expect(HubEvent.safeParse({ ...valid, data: { ...message, text: '长'.repeat(200_000) } }).success).toBe(true);
  });

  it('accepts a valid event and keeps HTML as plain text', () => {
    const parsed = HubEvent.parse(valid);
    expect(parsed.type === 'message.created' && parsed.data.text).toBe('<script>alert(1)</script> 你好');
  });

  it.each([
    ['a seq of 0', { ...valid, seq: 0 }, 'seq'],
    ['a fractional seq', { ...valid, seq: 1.5 }, 'seq'],
    ['an unknown type', { ...valid, type: 'message.exploded' }, 'type'],
    ['an empty text', { ...valid, data: { ...message, text: '' } }, 'data.text'],
    ['a text over 1 000 000 characters', { ...valid, data: { ...message, text: 'x'.repeat(1_000_001) } }, 'data.text'],
    ['an id with a slash', { ...valid, data: { ...message, id: '../m1' } }, 'data.id'],
    ['an unknown author kind', { ...valid, data: { ...message, author: { ...message.author, kind: 'robot' } } }, 'data.author.kind'],
    ['a missing data', { seq: 1, type: 'message.created', at: 1 }, 'data'],
  ])('rejects %s, naming the field', (_name, event, field) => {
    const result = HubEvent.safeParse(event);
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
  });
});
