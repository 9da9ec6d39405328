import { describe, expect, it } from 'vitest';
import { createBridge, err, ok, type DeadLetterView } from '../../../src-shared/index.js';
import { createDeadLetterStore } from './deadLetterStore.js';

const letter = (id: string, over: Partial<DeadLetterView> = {}): DeadLetterView => ({
  id,
  conversationId: 'c1',
  messageId: `m-${id}`,
  attempts: 4,
  lastError: 'callback answered HTTP 503',
  failedAt: 1_700_000_000_000,
  preview: '抱歉久等了',
  ...over,
});

/** Stands in for main + hub: dead letters per account; a retry takes one off its list (it is pending again). */
function fakeHub(lists: Record<string, DeadLetterView[]>) {
  const calls: Array<[string, unknown]> = [];
  let release: (() => void) | null = null;
  const bridge = createBridge({
    invoke: async (name, input) => {
      calls.push([name, input]);
      const { accountId, id } = input as { accountId: string; id?: string };
      if (release === null && name === 'deliveries/dead-letters' && accountId === 'slow') await new Promise<void>((r) => (release = r));
      const list = lists[accountId];
      if (!list) return err('forbidden', 'not a lead here');
      if (name === 'deliveries/dead-letters') return ok({ deadLetters: [...list] });
      const at = list.findIndex((l) => l.id === id);
      if (at < 0) return err('conflict', `delivery ${id} is pending, not a dead letter`);
      list.splice(at, 1);
      return ok({});
    },
    subscribe: () => () => {},
  });
  return { bridge, calls, release: () => release?.() };
}

describe('the failed-deliveries list', () => {
  it('loads each account, shows loading until the hub answers, and keeps a refusal per account', async () => {
    const hub = fakeHub({ 'shop-a': [letter('wo_2'), letter('wo_1')], slow: [] });
    const store = createDeadLetterStore(hub.bridge);
    const loading = store.getState().refresh(['shop-a', 'slow', 'shop-x']);
    await Promise.resolve();
    expect(store.getState().byAccount.slow).toEqual({ status: 'loading', letters: [] });
    hub.release();
    await loading;
    const { byAccount } = store.getState();
    expect(byAccount['shop-a']).toEqual({ status: 'ready', letters: [letter('wo_2'), letter('wo_1')] });
    expect(byAccount.slow).toEqual({ status: 'ready', letters: [] });
    expect(byAccount['shop-x']).toMatchObject({ status: 'failed', letters: [], error: { code: 'forbidden' } });
  });

  it('shows each retry’s answer on its row; a refresh drops the retried letter and the old answers', async () => {
    const hub = fakeHub({ 'shop-a': [letter('wo_2'), letter('wo_1')] });
    const store = createDeadLetterStore(hub.bridge);
    await store.getState().refresh(['shop-a']);

    const first = store.getState().retry('shop-a', 'wo_1');
    expect(store.getState().retries.wo_1).toEqual({ status: 'busy' });
    void store.getState().retry('shop-a', 'wo_1'); // a double click sends once
    await first;
    expect(store.getState().retries.wo_1).toEqual({ status: 'requeued' });
    await store.getState().retry('shop-a', 'wo_1');
    expect(store.getState().retries.wo_1).toMatchObject({ status: 'failed', error: { code: 'conflict' } });
    expect(hub.calls.filter(([name]) => name === 'deliveries/retry')).toEqual([
      ['deliveries/retry', { accountId: 'shop-a', id: 'wo_1' }],
      ['deliveries/retry', { accountId: 'shop-a', id: 'wo_1' }],
    ]);

    await store.getState().refresh(['shop-a']);
    expect(store.getState().byAccount['shop-a']).toEqual({ status: 'ready', letters: [letter('wo_2')] });
    expect(store.getState().retries).toEqual({});
  });

  it('keeps the rows it had when a refresh fails', async () => {
    const lists: Record<string, DeadLetterView[]> = { 'shop-a': [letter('wo_1')] };
    const hub = fakeHub(lists);
    const store = createDeadLetterStore(hub.bridge);
    await store.getState().refresh(['shop-a']);
    delete lists['shop-a'];
    await store.getState().refresh(['shop-a']);
    expect(store.getState().byAccount['shop-a']).toMatchObject({ status: 'failed', letters: [letter('wo_1')], error: { code: 'forbidden' } });
  });
});
