import { Dexie, type Table } from 'dexie';
import type { Customer } from '../../src-shared/index.js';
import type { CachedConversation, WorkstationDb } from './schema.js';
import type { ParsedQuery } from './searchQuery.js';
import { fold, runsOf } from './searchText.js';

/** One row per (term, conversation) of the customer's name, email and phone. */
export interface CustomerTermRow {
  term: string;
  conversationId: string;
}
/** The primary key (also the index searches read); v8 adds `conversationId` so eviction finds a conversation's rows. */
export const CUSTOMER_TERMS_STORE = '[term+conversationId]';

const digits = (phone: string | undefined) => (phone ?? '').replace(/\D/g, '');

/** The folded text a customer is matched against: phone digits also bare and as the last 11 (no +86). */
export const customerText = (c: Customer) => fold([c.name, c.email ?? '', c.phone ?? '', digits(c.phone), digits(c.phone).slice(-11)].join('\n'));

/** Words, CJK characters and bigrams of the customer text. */
export function customerTerms(c: Customer): Set<string> {
  const out = new Set<string>();
  for (const run of runsOf(customerText(c))) {
    if (run.kind === 'word') out.add(run.text.slice(0, 32));
    else {
      const chars = [...run.text];
      chars.forEach((ch, i) => out.add(ch).add(i + 1 < chars.length ? ch + chars[i + 1] : ch));
    }
  }
  return out;
}

const sameCustomer = (a: Customer, b: Customer) => a.name === b.name && a.email === b.email && a.phone === b.phone;

/** Indexes conversations whose customer is new or changed, dropping a renamed customer's old terms. */
export async function indexCustomers(
  table: Table<CustomerTermRow>,
  conversations: readonly CachedConversation[],
  before: ReadonlyMap<string, CachedConversation>,
): Promise<void> {
  const rows: CustomerTermRow[] = [];
  const stale: [string, string][] = [];
  for (const c of conversations) {
    const old = before.get(c.id);
    if (old && sameCustomer(old.customer, c.customer)) continue;
    const terms = customerTerms(c.customer);
    if (old) for (const term of customerTerms(old.customer)) if (!terms.has(term)) stale.push([term, c.id]);
    for (const term of terms) rows.push({ term, conversationId: c.id });
  }
  if (stale.length > 0) await table.bulkDelete(stale);
  if (rows.length > 0) await table.bulkPut(rows);
}

/** Conversation ids with the customer term `term` (or, with `prefix`, a term starting with it). */
export async function conversationsWithTermPrefix(table: Table<CustomerTermRow>, term: string, prefix: boolean): Promise<Set<string>> {
  const keys = await table
    .where(CUSTOMER_TERMS_STORE)
    .between([term, Dexie.minKey], [prefix ? `${term}\uffff` : term, Dexie.maxKey])
    .primaryKeys();
  return new Set((keys as unknown as [string, string][]).map((k) => k[1]));
}

/**
 * Conversations whose customer matches every run of the query: a word as the start
 * of a name, email or phone word, a CJK run inside the name. Newest activity first.
 */
export async function searchCustomers(db: WorkstationDb, query: ParsedQuery, limit = 20): Promise<CachedConversation[]> {
  if (query.runs.length === 0) return [];
  let ids = null as Set<string> | null;
  for (const run of query.runs) {
    const chars = [...run.text];
    const probes = run.kind === 'word' ? [run.text.slice(0, 32)] : chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
    for (const probe of probes) {
      const found = await conversationsWithTermPrefix(db.searchCustomers, probe, run.kind === 'word');
      ids = ids ? new Set([...ids].filter((id: string) => found.has(id))) : found;
      if (ids.size === 0) return [];
    }
  }
  const rows = await db.conversations.bulkGet([...ids!].slice(0, 500));
  return rows
    .filter((c): c is CachedConversation => c !== undefined && customerMatches(c.customer, query))
    .sort((a, b) => b.lastActivityAt - a.lastActivityAt)
    .slice(0, limit);
}

/** The exact rule (rows a renamed customer left before v8 are dropped here). */
export function customerMatches(c: Customer, query: ParsedQuery): boolean {
  const text = customerText(c);
  const words = runsOf(text).filter((r) => r.kind === 'word').map((r) => r.text);
  return query.runs.every((run) => (run.kind === 'cjk' ? text.includes(run.text) : words.some((w) => w.startsWith(run.text))));
}
