import { describe, expect, it } from 'vitest';
import { ok } from '../result.js';
import { createBridge } from './api.js';
import { BridgeCalls, bridgeCallNames, bridgePushNames, isBridgeCallName } from './contract.js';

describe('createBridge', () => {
  const calls: Array<[string, unknown]> = [];
  const subscribed: string[] = [];
  const bridge = createBridge({
    invoke: async (name, input) => {
      calls.push([name, input]);
      return ok({});
    },
    subscribe: (name) => {
      subscribed.push(name);
      return () => {};
    },
  });

  it('exposes exactly one function per call and per push, and nothing else', () => {
    const shape = Object.fromEntries(Object.entries(bridge).map(([k, v]) => [k, Object.keys(v as object).sort()]));
    expect(shape).toEqual({
      accounts: ['add', 'list', 'onRemoved', 'onStatusChanged', 'reconnect', 'remove'],
      queues: ['onStats'],
      events: ['committed', 'onReceived', 'resume'],
      conversations: ['assign', 'claim', 'escalate', 'handback', 'markPending', 'note', 'reopen', 'resolve', 'send', 'takeover'],
      agent: ['status'],
      suggestions: ['feedback'],
      ai: ['configureRewrite', 'rewrite', 'rewriteSettings'],
      app: ['notify', 'onNotificationClicked', 'onNotificationReplied', 'setBadge'],
      kb: ['upsert'],
      deliveries: ['deadLetters', 'retry'],
    });
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('routes each function to its contract name', async () => {
    await bridge.conversations.claim({ accountId: 'a', conversationId: 'c' });
    await bridge.app.setBadge({ count: 3 });
    bridge.accounts.onStatusChanged(() => {});
    bridge.events.onReceived(() => {});
    bridge.app.onNotificationClicked(() => {});
    expect(calls).toEqual([
      ['conversations/claim', { accountId: 'a', conversationId: 'c' }],
      ['app/set-badge', { count: 3 }],
    ]);
    expect(subscribed).toEqual(['accounts/status-changed', 'events/received', 'app/notification-clicked']);
  });

  it('names calls and pushes domain/verb', () => {
    for (const name of [...bridgeCallNames, ...bridgePushNames]) expect(name).toMatch(/^[a-z]+\/[a-z-]+$/);
  });

  it('knows its own call names only', () => {
    expect(isBridgeCallName('accounts/list')).toBe(true);
    expect(isBridgeCallName('toString')).toBe(false);
    expect(isBridgeCallName('__proto__')).toBe(false);
  });
});

describe('bridge inputs', () => {
  it.each([
    ['accounts/add', { hubUrl: 'javascript:alert(1)', token: 'ws1.a.b.' + 'x'.repeat(20) }, false],
    ['accounts/add', { hubUrl: 'http://127.0.0.1:4600', token: 'ws1.a.b.' + 'x'.repeat(20) }, true],
    ['accounts/add', { hubUrl: 'http://127.0.0.1:4600', token: 'nope' }, false],
    ['conversations/send', { accountId: 'a', conversationId: 'c', clientId: 'abcdefgh', text: ' hi ' }, true],
    ['conversations/send', { accountId: 'a', conversationId: 'c', clientId: 'short', text: 'hi' }, false],
    ['conversations/send', { accountId: 'a', conversationId: 'c', clientId: 'abcdefgh', text: '' }, false],
    ['events/committed', { accountId: 'a', seq: -1 }, false],
    ['accounts/reconnect', {}, true],
    ['accounts/reconnect', { accountId: 'a' }, true],
    ['accounts/reconnect', { accountId: 'bad id!' }, false],
    ['app/set-badge', { count: 0 }, true],
    ['app/set-badge', { count: 99_999 }, true],
    ['app/set-badge', { count: 100_000 }, false],
    ['app/set-badge', { count: -1 }, false],
    ['app/set-badge', { count: 1.5 }, false],
    ['app/notify', { title: 'New message', body: 'hi', accountId: 'a', conversationId: 'c' }, true],
    ['app/notify', { title: 'New message', body: 'hi' }, true],
    ['app/notify', { title: 'x'.repeat(201), body: 'hi' }, false],
    ['app/notify', { title: 'New message', body: 'x'.repeat(501) }, false],
    ['deliveries/dead-letters', { accountId: 'a' }, true],
    ['deliveries/dead-letters', {}, false],
    ['deliveries/retry', { accountId: 'a', id: 'wo_1' }, true],
    ['deliveries/retry', { accountId: 'a', id: '../x' }, false],
  ] as const)('%s %j valid: %s', (name, input, valid) => {
    expect(BridgeCalls[name].input.safeParse(input).success).toBe(valid);
  });
});
