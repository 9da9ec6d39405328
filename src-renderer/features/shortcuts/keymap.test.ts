import { describe, expect, it } from 'vitest';
import { matchShortcut, SHORTCUTS, type KeyPress } from './keymap.js';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it.each([
    ['j', press('j'), false, 'next'],
    ['↓', press('ArrowDown'), false, 'next'],
    ['k', press('k'), false, 'previous'],
    ['Enter', press('Enter'), false, 'open'],
    ['a', press('a'), false, 'claim'],
    ['e', press('e'), false, 'resolve'],
    ['?', press('?', { shiftKey: true }), false, 'help'],
    ['Ctrl+K', press('k', { ctrlKey: true }), false, 'palette'],
    ['Cmd+K while typing', press('k', { metaKey: true }), true, 'palette'],
    ['Ctrl+F', press('f', { ctrlKey: true }), false, 'search'],
    ['Cmd+F while typing', press('f', { metaKey: true }), true, 'search'],
    ['s', press('s'), false, 'search'],
    ['s while typing is just a letter', press('s'), true, null],
    ['Escape while typing', press('Escape'), true, 'escape'],
    ['j while typing is just a letter', press('j'), true, null],
    ['e while typing is just a letter', press('e'), true, null],
    ['Ctrl+J is not j', press('j', { ctrlKey: true }), false, null],
    ['Alt+a is not a', press('a', { altKey: true }), false, null],
    ['x escalates', press('x'), false, 'escalate'],
    ['x while typing is just a letter', press('x'), true, null],
    ['d opens the queue dashboard', press('d'), false, 'dashboard'],
    ['d while typing is just a letter', press('d'), true, null],
    ['t takes over', press('t'), false, 'takeover'],
    ['t while typing is just a letter', press('t'), true, null],
    ['b opens the bot view', press('b'), false, 'botview'],
    ['q means nothing', press('q'), false, null],
  ] as const)('%s', (_name, e, typing, expected) => {
    expect(matchShortcut(e, typing)).toBe(expected);
  });

  it('lists each action once', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
