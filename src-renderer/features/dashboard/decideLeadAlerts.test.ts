import { describe, expect, it } from 'vitest';
import type { HubEvent, Role } from '../../../src-shared/index.js';
import { inboxKeys } from '../../db/inboxKeys.js';
import type { CachedConversation } from '../../db/schema.js';
import { conversation, created } from '../../db/testing.js';
import type { NotifyRule } from '../notifications/rulesStore.js';
import { decideLeadAlerts } from './decideLeadAlerts.js';

const cached = (over: Partial<CachedConversation> = {}): CachedConversation => {
  const c = conversation(over);
  return { ...c, unread: 1, ...inboxKeys(c), ...over };
};
const conversations = new Map([
  ['c1', cached({ lastMessagePreview: '再不处理我就投诉12315' })],
  ['c2', cached({ id: 'c2', status: 'resolved' })],
]);
const breach: HubEvent = { seq: 5, type: 'sla.breached', at: 5, data: { conversationId: 'c1', queue: 'general', kind: 'first-response', dueAt: 4, assigneeId: null } };

describe('decideLeadAlerts', () => {
  it.each<[string, HubEvent[], string[], Role | null, NotifyRule, boolean, string[]]>([
    ['an SLA breach, live, for a lead', [breach], [], 'lead', 'mine', true, ['sla']],
    ['an SLA breach for a supervisor, rule all', [breach], [], 'supervisor', 'all', true, ['sla']],
    ['a customer turned angry', [created(6)], ['c1'], 'lead', 'mine', true, ['angry']],
    ['both in one batch', [breach, created(6)], ['c1'], 'supervisor', 'mine', true, ['sla', 'angry']],
    ['an agent is not told (their own alerts cover their conversations)', [breach], ['c1'], 'agent', 'all', true, []],
    ['no role known', [breach], ['c1'], null, 'all', true, []],
    ['a replay after a reconnect never alerts', [breach], ['c1'], 'lead', 'all', false, []],
    ['the account rule off silences it', [breach], ['c1'], 'lead', 'off', true, []],
    ['a resolved conversation turning angry is nobody’s alarm', [created(6)], ['c2'], 'lead', 'all', true, []],
    ['an unknown conversation turning angry is skipped', [created(6)], ['c9'], 'lead', 'all', true, []],
    ['other events raise nothing', [created(6)], [], 'lead', 'all', true, []],
  ])('%s', (_name, events, angered, role, rule, live, kinds) => {
    expect(decideLeadAlerts({ events, angered, conversations, role, rule, live }).map((a) => a.kind)).toEqual(kinds);
  });

  it('names the queue, the SLA kind and the customer', () => {
    const [sla, angry] = decideLeadAlerts({ events: [breach], angered: ['c1', 'c1'], conversations, role: 'lead', rule: 'mine', live: true });
    expect(sla).toEqual({ kind: 'sla', conversationId: 'c1', queue: 'general', sla: 'first-response', customerName: '王女士' });
    expect(angry).toEqual({ kind: 'angry', conversationId: 'c1', customerName: '王女士', preview: '再不处理我就投诉12315' });
  });
});
