import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubAccount } from '../../../src-shared/domain/account.js';
import type { HubEventOf } from '../../../src-shared/hub/events.js';
import type { HubContext } from '../../context.js';
import { insertAccount } from '../../store/accounts.js';
import { findConversation } from '../../store/conversations.js';
import { findCustomerByVisitor } from '../../store/customers.js';
import { readEventsAfter, UnknownAccountError } from '../../store/eventLog.js';
import { listMessages } from '../../store/messages.js';
import { findInboundEvents } from '../../store/webhookInbound.js';
import { saveWebhookSecret } from '../../store/webhookAccounts.js';
import { storeContext } from '../../testing/memoryContext.js';
import { STORE_DRIVERS } from '../../testing/storeDrivers.js';
import type { InboundMessage } from './inboundMessage.js';
import { createInboundQueue } from './inboundQueue.js';
import { ingestWebhookMessages } from './ingestWebhookMessage.js';
import { StaleSecretError } from './webhookAccountCache.js';

/**
 * Inbound webhook storage, below HTTP: the multi-row statements one record of
 * messages runs (customers and their latest conversations, seen eventIds,
 * conversations, messages, webhook_inbound, the event log), on PGlite and on a
 * real PostgreSQL, which is what a cluster of hub nodes shares.
 */
describe.each(STORE_DRIVERS)('inbound webhook storage on $name', (driver) => {
  let ctx: HubContext;
  let tearDown = async () => {};
  let shops = 0;

  beforeAll(async () => {
    if (driver.skip) return;
    const setUp = await driver.setUp();
    tearDown = setUp.tearDown;
    ({ ctx } = await storeContext(setUp.databaseUrl ?? null));
  });
  afterAll(async () => {
    await ctx?.db.close();
    await tearDown();
  });

  /** A fresh platform account with its webhook secret, so each test reads only its own rows. */
  async function shop(): Promise<{ account: HubAccount; secret: string }> {
    const account: HubAccount = { id: `tb-${++shops}`, name: `淘宝店 ${shops}`, channel: 'taobao' };
    await insertAccount(ctx.db, account, 1);
    const secret = `secret-${shops}`;
    await saveWebhookSecret(ctx.db, { accountId: account.id, secret, callbackUrl: null, now: 1 });
    return { account, secret };
  }

  let events = 0;
  const message = (customerId: string, text: string, eventId = `evt-${++events}`): InboundMessage => ({
    eventId,
    customer: { id: customerId, name: `买家${customerId}` },
    text,
    sentAt: 1_700_000_000_000 + events,
  });

  const logged = async (accountId: string) => readEventsAfter(ctx.db, accountId, 0, 1_000);
  const createdTexts = async (accountId: string) =>
    (await logged(accountId)).filter((e): e is HubEventOf<'message.created'> => e.type === 'message.created').map((e) => e.data.text);

  it.skipIf(driver.skip)('one message: the customer, conversation, message, eventId and two events are stored', async () => {
    const { account, secret } = await shop();
    const [outcome] = await ingestWebhookMessages(ctx, account, [message('甲', '你好，在吗')], secret);
    expect(outcome).toMatchObject({ duplicate: false });
    const { conversationId, messageId } = outcome!;

    expect(await findCustomerByVisitor(ctx.db, account.id, 'taobao:甲')).toMatchObject({ name: '买家甲' });
    expect(await findConversation(ctx.db, account.id, conversationId)).toMatchObject({ status: 'open', lastMessagePreview: '你好，在吗', customer: { name: '买家甲' } });
    expect(await listMessages(ctx.db, account.id, conversationId, { includePrivate: false })).toMatchObject([{ id: messageId, text: '你好，在吗' }]);
    expect([...(await findInboundEvents(ctx.db, account.id, [`evt-${events}`, 'never-sent'])).entries()]).toEqual([[`evt-${events}`, { conversationId, messageId }]]);
    expect((await logged(account.id)).map((e) => [e.seq, e.type])).toEqual([
      [1, 'conversation.upsert'],
      [2, 'message.created'],
    ]);
  });

  it.skipIf(driver.skip)('a batch: each customer continues their own conversation in order; every message its own message.created', async () => {
    const { account, secret } = await shop();
    const earlier = await ingestWebhookMessages(ctx, account, [message('乙', '昨天的问题')], secret);
    const batch = [message('乙', '乙一'), message('丙', '丙一'), message('乙', '乙二'), message('丁', '丁一'), message('丙', '丙二')];
    const outcomes = await ingestWebhookMessages(ctx, account, batch, secret);

    expect(outcomes.map((o) => o.duplicate)).toEqual([false, false, false, false, false]);
    const [b1, c1, b2, d1, c2] = outcomes.map((o) => o.conversationId);
    expect([b1, b2]).toEqual([earlier[0]!.conversationId, earlier[0]!.conversationId]);
    expect(c2).toBe(c1);
    expect(new Set([b1, c1, d1]).size).toBe(3);
    expect((await listMessages(ctx.db, account.id, b1!, { includePrivate: false })).map((m) => m.text)).toEqual(['昨天的问题', '乙一', '乙二']);
    expect(await findConversation(ctx.db, account.id, c1!)).toMatchObject({ lastMessagePreview: '丙二' });

    const log = await logged(account.id);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.map((e) => e.type)).toEqual(Array.from({ length: 6 }, () => ['conversation.upsert', 'message.created']).flat());
    expect(await createdTexts(account.id)).toEqual(['昨天的问题', '乙一', '丙一', '乙二', '丁一', '丙二']);
    const seen = await findInboundEvents(ctx.db, account.id, batch.map((m) => m.eventId));
    expect(batch.map((m) => seen.get(m.eventId)?.messageId)).toEqual(outcomes.map((o) => o.messageId));
  });

  it.skipIf(driver.skip)('an eventId repeated in a batch, or stored before, is stored once and answers with what it first became', async () => {
    const { account, secret } = await shop();
    const [first] = await ingestWebhookMessages(ctx, account, [message('戊', '第一句', 'order-1')], secret);
    const outcomes = await ingestWebhookMessages(
      ctx,
      account,
      [message('戊', '第二句', 'order-2'), message('戊', '第一句', 'order-1'), message('戊', '第二句 again', 'order-2'), message('己', '第三句', 'order-3')],
      secret,
    );
    expect(outcomes.map((o) => o.duplicate)).toEqual([false, true, true, false]);
    expect(outcomes[1]).toEqual({ ...first, duplicate: true });
    expect(outcomes[2]).toEqual({ ...outcomes[0], duplicate: true });
    expect(await createdTexts(account.id)).toEqual(['第一句', '第二句', '第三句']);
    expect((await findInboundEvents(ctx.db, account.id, ['order-1', 'order-2', 'order-3'])).size).toBe(3);
  });

  it.skipIf(driver.skip)('a message the store refuses fails alone: the queue stores the rest of its record one by one', async () => {
    const { account, secret } = await shop();
    const queue = createInboundQueue(ctx);
    // jsonb cannot hold U+0000 (on both drivers): the shared record fails, then each message is stored alone.
    const settled = await Promise.allSettled([
      queue.ingest(account, message('庚', '好的'), secret),
      queue.ingest(account, message('庚', 'bad \u0000 byte'), secret),
      queue.ingest(account, message('辛', '谢谢'), secret),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await createdTexts(account.id)).toEqual(['好的', '谢谢']);
    expect((await logged(account.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it.skipIf(driver.skip)('nothing is stored for a message verified with a secret rotated since, or for an unknown account', async () => {
    const { account } = await shop();
    await expect(ingestWebhookMessages(ctx, account, [message('壬', '旧密钥')], 'the-old-secret')).rejects.toThrow(StaleSecretError);
    const ghost: HubAccount = { id: 'no-such-shop', name: 'ghost', channel: 'taobao' };
    await expect(ingestWebhookMessages(ctx, ghost, [message('癸', '幽灵')], 'any')).rejects.toThrow(UnknownAccountError);
    for (const table of ['messages', 'conversations', 'webhook_inbound', 'events']) {
      const rows = await ctx.db.query(`SELECT 1 FROM ${table} WHERE account_id = ANY ($1::text[])`, [[account.id, ghost.id]]);
      expect(rows.rows, table).toEqual([]);
    }
  });
});
