import type { ImageMime } from '../../src-shared/domain/attachment.js';
import type { Queryable } from './database.js';

/** What the hub knows of a stored image, without its bytes. */
export interface StoredImage {
  id: string;
  mime: ImageMime;
  size: number;
  width: number | null;
  height: number | null;
}

/** Content-addressed: the same bytes again change nothing. Returns whether this call stored them. */
export async function insertAttachment(db: Queryable, accountId: string, image: StoredImage & { bytes: Uint8Array; at: number }): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO attachments (account_id, id, mime, size, width, height, bytes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (account_id, id) DO NOTHING`,
    [accountId, image.id, image.mime, image.size, image.width, image.height, image.bytes, image.at],
  );
  return (result.affectedRows ?? 0) > 0;
}

export async function findAttachments(db: Queryable, accountId: string, ids: readonly string[]): Promise<StoredImage[]> {
  const result = await db.query<StoredImage>(
    'SELECT id, mime, size, width, height FROM attachments WHERE account_id = $1 AND id = ANY($2::text[])',
    [accountId, ids],
  );
  return result.rows;
}

export async function readAttachmentBytes(db: Queryable, accountId: string, id: string): Promise<{ mime: ImageMime; bytes: Uint8Array } | null> {
  const result = await db.query<{ mime: ImageMime; bytes: Uint8Array }>('SELECT mime, bytes FROM attachments WHERE account_id = $1 AND id = $2', [
    accountId,
    id,
  ]);
  return result.rows[0] ?? null;
}

export async function countAttachments(db: Queryable, accountId: string): Promise<number> {
  const result = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM attachments WHERE account_id = $1', [accountId]);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Whether a web-chat visitor may see an image: only when a message they can see
 * (not private, in one of their conversations) carries it.
 */
export async function visitorMaySee(db: Queryable, accountId: string, visitorId: string, id: string): Promise<boolean> {
  const result = await db.query(
    `SELECT 1 FROM customers cu
     JOIN conversations co ON co.account_id = cu.account_id AND co.customer_id = cu.id
     JOIN messages m ON m.account_id = co.account_id AND m.conversation_id = co.id
     WHERE cu.account_id = $1 AND cu.visitor_id = $2 AND m.private = false AND m.doc->'attachments' @> $3::jsonb
     LIMIT 1`,
    [accountId, visitorId, JSON.stringify([{ id }])],
  );
  return result.rows.length > 0;
}
