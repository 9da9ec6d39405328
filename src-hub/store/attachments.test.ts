import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../src-shared/bridge/base64.js';
import { IMAGE_SAMPLES } from '../../src-shared/domain/imageSamples.js';
import { storeImage } from '../attachments/storeImage.js';
import { STORE_DRIVERS } from '../testing/storeDrivers.js';
import type { Message } from '../../src-shared/domain/message.js';
import type { HubContext } from '../context.js';
import { newConversation } from '../conversations/recordCustomerTurn.js';
import { insertAccount } from './accounts.js';
import { findAttachments, readAttachmentBytes, visitorMaySee } from './attachments.js';
import { saveConversation } from './conversations.js';
import { upsertCustomer } from './customers.js';
import { openDatabase, type Database } from './database.js';
import { insertMessage } from './messages.js';

const ACCOUNT = { id: 'shop', name: 'Shop', channel: 'webchat' } as const;
/** newConversation only draws an id from the context. */
const idsFrom = (id: string) => ({ newId: () => id }) as unknown as HubContext;
const message = (over: Partial<Message> & Pick<Message, 'id' | 'conversationId'>): Message => ({
  accountId: 'shop',
  clientId: null,
  author: { kind: 'agent', id: 'p1', name: 'Ann' },
  text: 'see',
  private: false,
  status: 'sent',
  createdAt: 6,
  ...over,
});

/** The same SQL on both drivers: bytea in and out, the content key, and the jsonb lookup that guards visitors. */
describe.each(STORE_DRIVERS)('attachments on $name', (driver) => {
  let db: Database;
  let stop = async () => {};
  const png = base64ToBytes(IMAGE_SAMPLES['image/png']);

  beforeAll(async () => {
    if (driver.skip) return;
    const store = await driver.setUp();
    stop = store.tearDown;
    db = await openDatabase(store.databaseUrl ?? null);
    await insertAccount(db, ACCOUNT, 1);
  });
  afterAll(async () => {
    if (driver.skip) return;
    await db.close();
    await stop();
  });

  it.skipIf(driver.skip)('stores the bytes once under their SHA-256 and gives them back unchanged', async () => {
    const first = await storeImage(db, 'shop', { bytes: png, claimedMime: 'image/png', at: 2 });
    const again = await storeImage(db, 'shop', { bytes: png, claimedMime: 'image/png', at: 3 });
    expect(first).toMatchObject({ ok: true, value: { created: true, mime: 'image/png', size: png.length, width: 1, height: 1 } });
    expect(again).toMatchObject({ ok: true, value: { created: false } });
    const id = first.ok ? first.value.id : '';
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(await findAttachments(db, 'shop', [id, 'f'.repeat(64)])).toEqual([{ id, mime: 'image/png', size: png.length, width: 1, height: 1 }]);
    expect([...(await readAttachmentBytes(db, 'shop', id))!.bytes]).toEqual([...png]);
    expect((await db.query('SELECT count(*)::int AS n FROM attachments')).rows).toEqual([{ n: 1 }]);
  });

  it.skipIf(driver.skip)('lets a visitor see an image only through a public message of their own conversation', async () => {
    const stored = await storeImage(db, 'shop', { bytes: base64ToBytes(IMAGE_SAMPLES['image/gif']), claimedMime: 'image/gif', at: 4 });
    const id = stored.ok ? stored.value.id : '';
    const attachments = [{ id, kind: 'image' as const, mime: 'image/gif' as const, size: 1, name: 'a.gif' }];
    for (const visitor of ['visitor-one', 'visitor-two']) {
      const customer = await upsertCustomer(db, { accountId: 'shop', visitorId: visitor, id: `cu-${visitor}`, name: visitor, now: 5 });
      await saveConversation(db, newConversation(idsFrom(`c-${visitor}`), ACCOUNT, customer, 5, null));
    }
    await insertMessage(db, message({ id: 'm-note', conversationId: 'c-visitor-two', private: true, attachments }));
    expect(await visitorMaySee(db, 'shop', 'visitor-one', id)).toBe(false);
    expect(await visitorMaySee(db, 'shop', 'visitor-two', id)).toBe(false); // a private note is not theirs to see
    await insertMessage(db, message({ id: 'm-public', conversationId: 'c-visitor-one', attachments }));
    expect(await visitorMaySee(db, 'shop', 'visitor-one', id)).toBe(true);
    expect(await visitorMaySee(db, 'shop', 'visitor-two', id)).toBe(false);
  });
});
