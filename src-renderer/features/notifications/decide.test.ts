import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../src-shared/index.js';
import { inboxKeys } from '../../db/inboxKeys.js';
import { conversation, created } from '../../db/testing.js';
import { decideAlerts } from './decide.js';
import { createRulesStore, ruleFor, type NotifyRule } from './rulesStore.js';

const conv = (assigneeId: string | null) => {
  const c = conversation({ assigneeId });
  return new Map([['c1', { ...c, unread: 1, ...inboxKeys(c) }]]);
};
const assignedToMe: HubEvent = { seq: 9, type: 'conversation.assigned', at: 9, data: { conversationId: 'c1', assigneeId: 'alice', assigneeName: 'Alice' } };
const agentReply = created(3, { id: 'm3', author: { kind: 'agent', id: 'bob', name: 'Bob' } });
const note = created(4, { id: 'm4', private: true });
const mention = created(5, { id: 'm5', private: true, text: '@Alice 这位顾客是 VIP，请优先', author: { kind: 'agent', id: 'bob', name: 'Bob' } });
const mentionOther = created(6, { id: 'm6', private: true, text: '@Alicia 请跟进', author: { kind: 'agent', id: 'bob', name: 'Bob' } });

describe('decideAlerts', () => {
  it.each<[string, HubEvent[], string | null, NotifyRule, string[]]>([
    ['customer message in my conversation, rule mine', [created(2)], 'alice', 'mine', ['message']],
    ['customer message in an unassigned one, rule mine', [created(2)], null, 'mine', []],
    ['customer message in a teammate’s, rule mine', [created(2)], 'bob', 'mine', []],
    ['customer message anywhere, rule all', [created(2)], null, 'all', ['message']],
    ['rule off silences everything', [created(2), assignedToMe], 'alice', 'off', []],
    ['an agent reply never alerts', [agentReply], 'alice', 'all', []],
    ['a private note never alerts', [note], 'alice', 'all', []],
    ['handed to me alerts even on rule mine', [assignedToMe], 'alice', 'mine', ['assigned']],
    ['a teammate’s note naming me alerts, whatever the rule but off', [mention], 'bob', 'mentions', ['mention']],
    ['rule mentions: customer messages stay quiet, even in my conversation', [created(2)], 'alice', 'mentions', []],
    ['a note naming someone else does not alert me', [mentionOther], 'bob', 'all', []],
    ['rule off silences mentions too', [mention], 'bob', 'off', []],
  ])('%s', (_name, events, assignee, rule, kinds) => {
    const alerts = decideAlerts({ accountId: 'shop-a', events, conversations: conv(assignee), myId: 'alice', myName: 'Alice', ruleOf: () => rule });
    expect(alerts.map((a) => a.kind)).toEqual(kinds);
  });

  it('carries the customer and a short preview', () => {
    const [alert] = decideAlerts({ accountId: 'shop-a', events: [created(2, { text: '长'.repeat(500) })], conversations: conv('alice'), myId: 'alice', ruleOf: () => 'mine' });
    expect(alert).toMatchObject({ customerName: '王女士', conversationId: 'c1' });
    expect(alert!.preview).toHaveLength(120);
  });
});

describe('notification rules per queue', () => {
  it('a queue’s own rule overrides the account’s; dropping it falls back', () => {
    const store = createRulesStore();
    store.getState().set('shop-a', 'mine');
    store.getState().setQueue('shop-a', 'tier2', 'all');
    expect(ruleFor(store.getState(), 'shop-a', 'tier2')).toBe('all');
    expect(ruleFor(store.getState(), 'shop-a', 'general')).toBe('mine');
    expect(ruleFor(store.getState(), 'shop-a')).toBe('mine');
    store.getState().setQueue('shop-a', 'tier2', null);
    expect(ruleFor(store.getState(), 'shop-a', 'tier2')).toBe('mine');
  });

  it('decides each conversation by its own queue’s rule', () => {
    const store = createRulesStore();
    store.getState().set('shop-a', 'off');
    store.getState().setQueue('shop-a', 'tier2', 'all');
    const inTier2 = { ...conversation({ assigneeId: null }), queue: 'tier2' };
    const inGeneral = { ...conversation({ id: 'c2', assigneeId: null }), queue: 'general' };
    const conversations = new Map([inTier2, inGeneral].map((c) => [c.id, { ...c, unread: 1, ...inboxKeys(c) }]));
    const alerts = decideAlerts({
      accountId: 'shop-a',
      events: [created(2), created(3, { id: 'm3', conversationId: 'c2' })],
      conversations,
      myId: 'alice',
      ruleOf: (c) => ruleFor(store.getState(), 'shop-a', c?.queue),
    });
    expect(alerts.map((a) => a.conversationId)).toEqual(['c1']);
  });
});
