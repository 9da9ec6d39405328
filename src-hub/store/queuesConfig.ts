import { RoutingConfig } from '../routing/routingConfig.js';
import type { Queryable } from './database.js';

/** Every account's stored routing config (accounts without one use the defaults). */
export async function readRoutingConfigs(db: Queryable): Promise<Map<string, RoutingConfig>> {
  const result = await db.query<{ account_id: string; doc: unknown }>('SELECT account_id, doc FROM routing_config');
  // Parsed on the way out too: defaults added later fill in fields older rows lack.
  return new Map(result.rows.map((row) => [row.account_id, RoutingConfig.parse(row.doc)]));
}

export async function saveRoutingConfig(db: Queryable, accountId: string, config: RoutingConfig, now: number): Promise<void> {
  await db.query(
    `INSERT INTO routing_config (account_id, doc, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (account_id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at`,
    [accountId, config, now],
  );
}
