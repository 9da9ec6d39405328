import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../src-shared/hub/events.js';
import { connectPerson, shopWithBot } from '../conversations/testing.js';
import { adminSecretPath } from '../http/adminSecret.js';
import { connectAgent, customerSays } from '../testing/fixtures.js';
import { closeAllSockets, command, eventually, type RecordingSocket } from '../testing/sockets.js';
import { startTestHub, type TestHub } from '../testing/testHub.js';

let t: TestHub;
let adminSecret: string;
beforeAll(async () => {
  t = await startTestHub(undefined, { bot: { replyDelayMs: 40 } });
  adminSecret = (await readFile(adminSecretPath(t.dataDir), 'utf8')).trim();
});
afterEach(closeAllSockets);
afterAll(() => t.dispose());

const auditOf = (socket: RecordingSocket) => socket.events.filter((e) => e.type === 'audit.entry').map((e) => AuditEntry.parse(e.data));
const getAudit = (query: string, secret = adminSecret) =>
  fetch(`${t.hub.url}/admin/audit${query}`, { headers: { authorization: `Bearer ${secret}` } });

describe('the audit log', () => {
  it('records oversight actions in their own record; leads and supervisors receive them, agents never do', async () => {
    const fixture = await shopWithBot(t.hub);
    const lead = await connectAgent(t.hub, fixture, 'lead');
    const supervisor = await connectAgent(t.hub, fixture, 'supervisor');
    const agent = await connectAgent(t.hub, fixture);
    const colleague = await connectPerson(t.hub, fixture, 'agent-2', 'agent');
    const { tokenId } = await t.hub.admin.issueToken({ accountId: fixture.accountId, personId: 'leaver', personName: 'Leaver', role: 'agent' });

    const held = await customerSays(t.hub, fixture.accountId, '转人工');
    const byBot = await customerSays(t.hub, fixture.accountId, '下单后多久发货');
    const unheld = await customerSays(t.hub, fixture.accountId, '转人工');
    await eventually(() => expect(agent.events.some((e) => e.type === 'conversation.upsert' && e.data.id === held && e.data.owner === 'queued')).toBe(true));
    const ok = async (socket: RecordingSocket, name: string, payload: object) => expect(await command(socket.socket, name, payload)).toMatchObject({ ok: true });

    await ok(agent, 'conversation.claim', { conversationId: held });
    await ok(supervisor, 'conversation.takeover', { conversationId: byBot });
    await ok(lead, 'note.add', { clientId: 'whisper-0001', conversationId: held, text: '先安抚客户' });
    await ok(lead, 'message.send', { clientId: 'barge-00001', conversationId: held, text: '您好，我是组长' });
    // Neither is oversight: a lead's note where nobody holds it, an agent replying in a colleague's conversation (allowed, as before).
    await ok(lead, 'note.add', { clientId: 'note-000001', conversationId: unheld, text: '备注' });
    await ok(colleague, 'message.send', { clientId: 'helping-001', conversationId: held, text: '补充一下' });
    await ok(lead, 'conversation.assign', { conversationId: held, assigneeId: 'agent-2' });
    await ok(colleague, 'conversation.escalate', { conversationId: held, target: 'supervisor', reason: '客户要求主管' });
    await ok(lead, 'kb.upsert', { id: 'gift-01', kind: 'article', title: '礼品包装', body: '备注“礼盒”即可。', questions: ['有礼盒吗'] });
    await t.hub.admin.revokeToken(tokenId);

    const expected = ['takeover', 'whisper', 'barge', 'reassign', 'escalate', 'kb.edit', 'token.revoke'];
    await eventually(() => expect(auditOf(lead).map((a) => a.action)).toEqual(expected));
    await eventually(() => expect(auditOf(supervisor).map((a) => a.action)).toEqual(expected));
    expect(auditOf(lead)).toMatchObject([
      { actorId: 'supervisor-1', conversationId: byBot, detail: 'from the bot' },
      { actorId: 'lead-1', conversationId: held, detail: "in The agent's conversation" },
      { actorId: 'lead-1', conversationId: held },
      { actorId: 'lead-1', conversationId: held, detail: 'from The agent to Person agent-2' },
      { actorId: 'agent-2', actorName: 'Person agent-2', conversationId: held, detail: 'to supervisor (queue supervisor): 客户要求主管' },
      { actorId: 'lead-1', conversationId: null, detail: 'article gift-01: 礼品包装' },
      { actorId: 'hub-admin', conversationId: null, detail: expect.stringContaining('Leaver') },
    ]);

    // Agents: nothing live, nothing on replay; a lead's replay has every entry.
    expect(auditOf(agent)).toEqual([]);
    expect(auditOf(colleague)).toEqual([]);
    expect(auditOf(await connectAgent(t.hub, fixture))).toEqual([]);
    expect(auditOf(await connectAgent(t.hub, fixture, 'lead')).map((a) => a.action)).toEqual(expected);

    const response = await getAudit(`?accountId=${fixture.accountId}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; entries: unknown[] };
    expect(body.entries.map((e) => AuditEntry.parse(e).action)).toEqual([...expected].reverse());
  });

  it('GET /admin/audit needs the admin secret and a known account', async () => {
    const fixture = await shopWithBot(t.hub);
    expect((await getAudit(`?accountId=${fixture.accountId}`, 'wrong-secret')).status).toBe(401);
    expect((await getAudit('?accountId=no-such-shop')).status).toBe(404);
    expect((await getAudit('')).status).toBe(400);
    expect(await (await getAudit(`?accountId=${fixture.accountId}`)).json()).toEqual({ ok: true, entries: [] });
  });
});
