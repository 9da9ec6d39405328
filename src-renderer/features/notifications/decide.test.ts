import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../src-shared/index.js';
import { inboxKeys } from '../../db/inboxKeys.js';
import { conversation, created } from '../../db/testing.js';
import { decideAlerts } from './decide.js';
import type { NotifyRule } from './rulesStore.js';

const conv = (assigneeId: string | null) => {
  const c = conversation({ assigneeId });
  return new Map([['c1', { ...c, unread: 1, ...inboxKeys(c) }]]);
};
const assignedToMe: HubEvent = { seq: 9, type: 'conversation.assigned', at: 9, data: { conversationId: 'c1', assigneeId: 'alice', assigneeName: 'Alice' } };
const agentReply = created(3, { id: 'm3', author: { kind: 'agent', id: 'bob', name: 'Bob' } });
const note = created(4, { id: 'm4', private: true });

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
  ])('%s', (_name, events, assignee, rule, kinds) => {
    const alerts = decideAlerts({ accountId: 'shop-a', events, conversations: conv(assignee), myId: 'alice', rule });
    expect(alerts.map((a) => a.kind)).toEqual(kinds);
  });

  it('carries the customer and a short preview', () => {
    const [alert] = decideAlerts({ accountId: 'shop-a', events: [created(2, { text: '长'.repeat(500) })], conversations: conv('alice'), myId: 'alice', rule: 'mine' });
    expect(alert).toMatchObject({ customerName: '王女士', conversationId: 'c1' });
    expect(alert!.preview).toHaveLength(120);
  });
});
