import { describe, expect, it } from 'vitest';
import { createInboxStore } from './inboxStore.js';

describe('inbox store: moving the selection', () => {
  it.each([
    [null, 1, 'a'],
    [null, -1, 'c'],
    ['a', 1, 'b'],
    ['b', -1, 'a'],
    ['c', 1, 'c'],
    ['a', -1, 'a'],
    ['gone', 1, 'a'],
  ])('from %s by %i → %s', (from, step, expected) => {
    const store = createInboxStore();
    store.getState().setVisibleIds(['a', 'b', 'c']);
    store.getState().select(from);
    store.getState().move(step);
    expect(store.getState().selectedId).toBe(expected);
  });

  it('does nothing on an empty list', () => {
    const store = createInboxStore();
    store.getState().move(1);
    expect(store.getState().selectedId).toBeNull();
  });
});
