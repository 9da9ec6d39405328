/**
 * The demo knowledge base of 小鹿家居 (our own writing), one JSON file per topic.
 * Consumers (the renderer's worker, the hub's bot, tests) import this; the
 * engine itself stays pure and never reads files. zh-TW variants were produced
 * from the zh-CN originals with OpenCC (cn → twp), then given a vocabulary pass
 * (「」 quotes, 帳號/帳戶, 手機號碼, 品質, 免運) by a maintainer — not yet a native
 * Taiwanese or Hong Kong reviewer's read; en ones written by hand.
 */
import { DemoKb, type DemoKbArticle } from '../../src-shared/ai/kb/schema.js';
import account from './account.json';
import coupons from './coupons.json';
import installation from './installation.json';
import invoices from './invoices.json';
import membership from './membership.json';
import orders from './orders.json';
import payments from './payments.json';
import promotions from './promotions.json';
import refunds from './refunds.json';
import returns from './returns.json';
import shipping from './shipping.json';
import sizes from './sizes.json';
import warranty from './warranty.json';

export const DEMO_KB_TOPICS = { account, coupons, installation, invoices, membership, orders, payments, promotions, refunds, returns, shipping, sizes, warranty };

/** Every article, validated: a typo in the JSON fails here, not in a customer's chat. */
export function loadDemoKb(): DemoKbArticle[] {
  return DemoKb.parse(Object.values(DEMO_KB_TOPICS).flat());
}
