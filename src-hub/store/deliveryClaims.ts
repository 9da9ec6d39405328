import type { Queryable } from './database.js';

/** What is being delivered: a reply by mail, or to a connector's callback. */
export type DeliveryKind = 'email' | 'webhook';

export interface ClaimKey {
  kind: DeliveryKind;
  accountId: string;
  messageId: string;
}

/**
 * Takes the claim on a reply's delivery for `holder` until `until`, or renews
 * it: true when `holder` has it now, false while another holder's claim runs
 * (`until` not yet past `now`). One statement, so two nodes claiming at once
 * cannot both win: the second waits on the first's row lock and then sees it.
 */
export async function claimDelivery(db: Queryable, key: ClaimKey, holder: string, until: number, now: number): Promise<boolean> {
  const result = await db.query<{ holder: string }>(
    `INSERT INTO delivery_claims (kind, account_id, message_id, holder, until) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (kind, account_id, message_id) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
     WHERE delivery_claims.holder = EXCLUDED.holder OR delivery_claims.until < $6
     RETURNING holder`,
    [key.kind, key.accountId, key.messageId, holder, until, now],
  );
  return result.rows.length === 1;
}

/** Ends `holder`'s claim (the delivery is over); another holder's claim is left alone. */
export async function releaseDelivery(db: Queryable, key: ClaimKey, holder: string): Promise<void> {
  await db.query('DELETE FROM delivery_claims WHERE kind = $1 AND account_id = $2 AND message_id = $3 AND holder = $4', [key.kind, key.accountId, key.messageId, holder]);
}
