import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopWithBot } from '../conversations/testing.js';
import { connectAgent, customerSays } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub(undefined, { bot: { enabled: false } });
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

describe('suggestion.feedback', () => {
  it('is recorded once per clientId, with who gave it; a replay answers duplicate', async () => {
    const fixture = await shopWithBot(t.hub);
    const conversationId = await customerSays(t.hub, fixture.accountId, '下单后多久发货');
    const agent = await connectAgent(t.hub, fixture);
    const messageId = agent.events.find((e) => e.type === 'message.created')!.data.id as string;
    const feedback = { clientId: 'fb-client-0001', conversationId, messageId, articleId: 'ship-01', rank: 1, action: 'inserted', vote: 'up' };

    expect(await command(agent.socket, 'suggestion.feedback', feedback)).toEqual({ ok: true, duplicate: false });
    expect(await command(agent.socket, 'suggestion.feedback', feedback)).toEqual({ ok: true, duplicate: true });
    await command(agent.socket, 'agent.status', { status: 'online' }); // a later event proves nothing else was appended
    await eventually(() => expect(agent.events.at(-1)?.type).toBe('agent.presence'));
    const recorded = agent.events.filter((e) => e.type === 'suggestion.feedback');
    expect(recorded.map((e) => e.data)).toEqual([{ ...feedback, byId: 'agent-1' }]);
  });

  it('names an article of this account, or is not-found', async () => {
    const fixture = await shopWithBot(t.hub);
    const stranger = await shopWithBot(t.hub);
    await t.hub.admin.upsertKbArticle(stranger.accountId, { id: 'only-theirs', kind: 'article', title: 't', body: 'b', questions: ['q'] });
    const conversationId = await customerSays(t.hub, fixture.accountId, '你好');
    const agent = await connectAgent(t.hub, fixture);
    const base = { conversationId, messageId: 'm_1', rank: 2, action: 'ignored', vote: null };
    for (const articleId of ['no-such-article', 'only-theirs']) {
      const reply = await command(agent.socket, 'suggestion.feedback', { ...base, clientId: `fb-${articleId}`, articleId });
      expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(agent.events.filter((e) => e.type === 'suggestion.feedback')).toEqual([]);
  });
});
