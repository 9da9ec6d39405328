import { describe, expect, it } from 'vitest';
import { isSend, type EnterPress, type SendKey } from './sendKey.js';

const press = (over: Partial<EnterPress> = {}): EnterPress => ({ key: 'Enter', shiftKey: false, ctrlKey: false, metaKey: false, ...over });

describe('isSend', () => {
  it.each<[string, EnterPress, SendKey, boolean]>([
    ['Enter, enter mode', press(), 'enter', true],
    ['Shift+Enter, enter mode', press({ shiftKey: true }), 'enter', false],
    ['Ctrl+Enter, enter mode', press({ ctrlKey: true }), 'enter', false],
    ['Enter, mod mode', press(), 'mod-enter', false],
    ['Ctrl+Enter, mod mode', press({ ctrlKey: true }), 'mod-enter', true],
    ['Cmd+Enter, mod mode', press({ metaKey: true }), 'mod-enter', true],
    ['a letter', press({ key: 'a' }), 'enter', false],
  ])('%s → %s', (_name, e, mode, expected) => {
    expect(isSend(e, mode)).toBe(expected);
  });
});
