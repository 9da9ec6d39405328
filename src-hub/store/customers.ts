import type { Conversation, Customer } from '../../src-shared/domain/conversation.js';
import type { Queryable } from './database.js';

/**
 * Web-chat customers are known by the visitor id their browser keeps. Agents see
 * a derived customer id instead, so the visitor id (which opens the chat
 * history) never travels in agent events.
 */
export async function upsertCustomer(
  db: Queryable,
  input: { accountId: string; visitorId: string; id: string; name: string; now: number },
): Promise<Customer> {
  const result = await db.query<{ id: string; name: string }>(
    `INSERT INTO customers (account_id, visitor_id, id, name, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (account_id, visitor_id) DO UPDATE SET name = EXCLUDED.name
     RETURNING id, name`,
    [input.accountId, input.visitorId, input.id, input.name, input.now],
  );
  const row = result.rows[0]!;
  return { id: row.id, name: row.name };
}

export async function findVisitorOfConversation(db: Queryable, accountId: string, conversationId: string): Promise<string | null> {
  const result = await db.query<{ visitor_id: string }>(
    `SELECT cu.visitor_id FROM conversations co
     JOIN customers cu ON cu.account_id = co.account_id AND cu.id = co.customer_id
     WHERE co.account_id = $1 AND co.id = $2`,
    [accountId, conversationId],
  );
  return result.rows[0]?.visitor_id ?? null;
}

export async function findCustomerByVisitor(db: Queryable, accountId: string, visitorId: string): Promise<Customer | null> {
  const result = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE account_id = $1 AND visitor_id = $2',
    [accountId, visitorId],
  );
  return result.rows[0] ?? null;
}

/**
 * A customer by visitor id with their most recent conversation (resolved or
 * not), in one read: what every inbound customer message needs first.
 */
export async function findCustomerWithLatest(db: Queryable, accountId: string, visitorId: string): Promise<CustomerWithLatest | null> {
  return (await findCustomersWithLatest(db, accountId, [visitorId])).get(visitorId) ?? null;
}

export interface CustomerWithLatest {
  customer: Customer;
  latest: Conversation | null;
}

/**
 * The same for many visitor ids in one read (a webhook batch); unknown ones are
 * missing from the map. Each id is looked up on its own by primary key (a
 * LATERAL subquery the planner cannot flatten, thanks to its LIMIT): as a plain
 * join or `IN`, PGlite's planner scanned every customer of the account, a cost
 * growing with the account's history (8 ms at 2 000 customers for a batch of 100).
 */
export async function findCustomersWithLatest(db: Queryable, accountId: string, visitorIds: readonly string[]): Promise<Map<string, CustomerWithLatest>> {
  const result = await db.query<{ visitor_id: string; id: string; name: string; doc: Conversation | null }>(
    `SELECT v.visitor_id, cu.id, cu.name, co.doc
     FROM jsonb_array_elements_text($2::jsonb) AS v(visitor_id)
     JOIN LATERAL (SELECT id, name FROM customers WHERE account_id = $1 AND visitor_id = v.visitor_id LIMIT 1) cu ON true
     LEFT JOIN LATERAL (
       SELECT doc FROM conversations WHERE account_id = $1 AND customer_id = cu.id
       ORDER BY (doc->>'createdAt')::bigint DESC LIMIT 1
     ) co ON true`,
    [accountId, JSON.stringify(visitorIds)],
  );
  return new Map(result.rows.map((row) => [row.visitor_id, { customer: { id: row.id, name: row.name }, latest: row.doc ?? null }]));
}
