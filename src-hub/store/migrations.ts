import type { Database, Transaction } from './database.js';

/**
 * Schema steps, applied in order and never edited once shipped: add a new step
 * instead. `schema_version` remembers how far a data dir has come.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; up: (tx: Transaction) => Promise<unknown> }> = [
  {
    version: 1,
    up: (tx) =>
      tx.exec(`
        CREATE TABLE accounts (
          id text PRIMARY KEY,
          name text NOT NULL,
          channel text NOT NULL,
          created_at bigint NOT NULL
        );
        CREATE TABLE tokens (
          id text PRIMARY KEY,
          account_id text NOT NULL REFERENCES accounts(id),
          person_id text NOT NULL,
          person_name text NOT NULL,
          role text NOT NULL,
          secret_hash bytea NOT NULL,
          created_at bigint NOT NULL,
          revoked_at bigint
        );
        -- seq is allocated from this row in the same transaction as the event insert.
        CREATE TABLE account_heads (
          account_id text PRIMARY KEY REFERENCES accounts(id),
          seq bigint NOT NULL
        );
        CREATE TABLE events (
          account_id text NOT NULL REFERENCES accounts(id),
          seq bigint NOT NULL,
          type text NOT NULL,
          data jsonb NOT NULL,
          at bigint NOT NULL,
          PRIMARY KEY (account_id, seq)
        );
        CREATE TABLE customers (
          account_id text NOT NULL REFERENCES accounts(id),
          visitor_id text NOT NULL,
          id text NOT NULL,
          name text NOT NULL,
          created_at bigint NOT NULL,
          PRIMARY KEY (account_id, visitor_id),
          UNIQUE (account_id, id)
        );
        CREATE TABLE conversations (
          account_id text NOT NULL REFERENCES accounts(id),
          id text NOT NULL,
          customer_id text NOT NULL,
          status text NOT NULL,
          doc jsonb NOT NULL,
          PRIMARY KEY (account_id, id)
        );
        CREATE INDEX conversations_by_customer ON conversations (account_id, customer_id);
        CREATE TABLE messages (
          account_id text NOT NULL REFERENCES accounts(id),
          id text NOT NULL,
          conversation_id text NOT NULL,
          client_id text,
          private boolean NOT NULL,
          created_at bigint NOT NULL,
          doc jsonb NOT NULL,
          PRIMARY KEY (account_id, id),
          UNIQUE (account_id, client_id)
        );
        CREATE INDEX messages_by_conversation ON messages (account_id, conversation_id, created_at);
      `),
  },
  {
    // Email threading: every Message-ID the hub received or sent, so a reply's
    // In-Reply-To / References find their conversation. `delivery` tracks outbound mail.
    version: 2,
    up: (tx) =>
      tx.exec(`
        CREATE TABLE email_threads (
          account_id text NOT NULL REFERENCES accounts(id),
          mail_id text NOT NULL,
          conversation_id text NOT NULL,
          message_id text NOT NULL,
          direction text NOT NULL CHECK (direction IN ('in', 'out')),
          delivery text CHECK (delivery IN ('pending', 'delivered', 'failed')),
          created_at bigint NOT NULL,
          PRIMARY KEY (account_id, mail_id)
        );
        CREATE INDEX email_threads_by_conversation ON email_threads (account_id, conversation_id, created_at);
      `),
  },
  {
    // Platform webhooks: each account's HMAC secret (kept as is: signing needs the key)
    // and callback URL, the inbound eventIds seen (replays answer 409 with the first
    // result), and outbound deliveries to the callback, `dead` once retries run out.
    version: 3,
    up: (tx) =>
      tx.exec(`
        CREATE TABLE webhook_accounts (
          account_id text PRIMARY KEY REFERENCES accounts(id),
          secret text NOT NULL,
          callback_url text,
          updated_at bigint NOT NULL
        );
        CREATE TABLE webhook_inbound (
          account_id text NOT NULL REFERENCES accounts(id),
          event_id text NOT NULL,
          conversation_id text NOT NULL,
          message_id text NOT NULL,
          sent_at bigint NOT NULL,
          received_at bigint NOT NULL,
          PRIMARY KEY (account_id, event_id)
        );
        CREATE TABLE webhook_deliveries (
          id text PRIMARY KEY,
          account_id text NOT NULL REFERENCES accounts(id),
          conversation_id text NOT NULL,
          message_id text NOT NULL,
          state text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
          attempts integer NOT NULL,
          last_error text,
          created_at bigint NOT NULL,
          updated_at bigint NOT NULL,
          UNIQUE (account_id, message_id)
        );
        CREATE INDEX webhook_deliveries_by_state ON webhook_deliveries (state, updated_at);
      `),
  },
  {
    // Ownership and oversight: the audit log leads and supervisors read, escalations
    // kept by the workstation's clientId (a replay lands once), suggestion feedback
    // once per clientId, and an index to find a KB article's events by id.
    version: 4,
    up: (tx) =>
      tx.exec(`
        CREATE TABLE audit_log (
          account_id text NOT NULL REFERENCES accounts(id),
          id text NOT NULL,
          action text NOT NULL,
          actor_id text NOT NULL,
          actor_name text NOT NULL,
          conversation_id text,
          detail text NOT NULL,
          at bigint NOT NULL,
          PRIMARY KEY (account_id, id)
        );
        CREATE INDEX audit_log_by_time ON audit_log (account_id, at DESC);
        CREATE TABLE escalations (
          account_id text NOT NULL REFERENCES accounts(id),
          client_id text NOT NULL,
          conversation_id text NOT NULL,
          target text NOT NULL,
          queue text NOT NULL,
          by_id text NOT NULL,
          created_at bigint NOT NULL,
          PRIMARY KEY (account_id, client_id)
        );
        CREATE TABLE suggestion_feedback (
          account_id text NOT NULL REFERENCES accounts(id),
          client_id text NOT NULL,
          conversation_id text NOT NULL,
          message_id text NOT NULL,
          article_id text NOT NULL,
          rank integer NOT NULL,
          action text NOT NULL,
          vote text,
          by_id text NOT NULL,
          created_at bigint NOT NULL,
          PRIMARY KEY (account_id, client_id)
        );
        CREATE INDEX events_kb_by_article ON events (account_id, (data->>'id')) WHERE type = 'kb.changed';
      `),
  },
  {
    // Routing: each account's queues, auto-assignment and SLA settings; each person's
    // last presence and capacity (a restart re-arms the offline grace of who was
    // online); and the SLA breaches already recorded, so a restart never repeats one.
    version: 5,
    up: (tx) =>
      tx.exec(`
        CREATE TABLE routing_config (
          account_id text PRIMARY KEY REFERENCES accounts(id),
          doc jsonb NOT NULL,
          updated_at bigint NOT NULL
        );
        CREATE TABLE agent_presence (
          account_id text NOT NULL REFERENCES accounts(id),
          person_id text NOT NULL,
          status text NOT NULL CHECK (status IN ('online', 'away', 'offline')),
          capacity integer,
          updated_at bigint NOT NULL,
          PRIMARY KEY (account_id, person_id)
        );
        CREATE TABLE sla_breaches (
          account_id text NOT NULL REFERENCES accounts(id),
          conversation_id text NOT NULL,
          kind text NOT NULL,
          due_at bigint NOT NULL,
          PRIMARY KEY (account_id, conversation_id, kind, due_at)
        );
      `),
  },
  {
    // Images sent with messages, stored once per account and content (the id is the
    // SHA-256 of the bytes, so a replayed upload lands on the same row). The mime type
    // is the one the hub verified from the bytes, never the sender's word.
    version: 6,
    up: (tx) =>
      tx.exec(`
        CREATE TABLE attachments (
          account_id text NOT NULL REFERENCES accounts(id),
          id text NOT NULL CHECK (id ~ '^[0-9a-f]{64}$'),
          mime text NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
          size integer NOT NULL,
          width integer,
          height integer,
          bytes bytea NOT NULL,
          created_at bigint NOT NULL,
          PRIMARY KEY (account_id, id)
        );
      `),
  },
  {
    // The per-message tables lose their row-by-row account check. Every row of
    // them is written inside a journal record, whose first statement locks the
    // account's head row and refuses an unknown account (lockAccountHead;
    // account_heads keeps its foreign key, and accounts are never deleted), so
    // the check proved once per transaction what each row's foreign key proved
    // again: one lookup per row, 40 % of writing a batch's events on PGlite.
    version: 7,
    up: (tx) =>
      tx.exec(`
        ALTER TABLE events DROP CONSTRAINT events_account_id_fkey;
        ALTER TABLE messages DROP CONSTRAINT messages_account_id_fkey;
        ALTER TABLE conversations DROP CONSTRAINT conversations_account_id_fkey;
        ALTER TABLE webhook_inbound DROP CONSTRAINT webhook_inbound_account_id_fkey;
      `),
  },
  {
    // Messages stored together (a webhook batch, widget lines that arrived together)
    // share their created_at, and ordering by (created_at, id) put them in the order
    // of their random ids. `pos` is the order they were written in: within an
    // account, writes queue on its head row lock, so this is the order of the log.
    version: 8,
    up: (tx) =>
      tx.exec(`
        ALTER TABLE messages ADD COLUMN pos bigint GENERATED ALWAYS AS IDENTITY;
      `),
  },
  {
    // Which node is delivering a reply (mail, webhook callback) until when: a node that
    // starts, or sweeps for what a dead node left pending, skips what another still holds.
    version: 9,
    up: (tx) =>
      tx.exec(`
        CREATE TABLE delivery_claims (
          kind text NOT NULL,
          account_id text NOT NULL,
          message_id text NOT NULL,
          holder text NOT NULL,
          until bigint NOT NULL,
          PRIMARY KEY (kind, account_id, message_id)
        );
      `),
  },
  {
    // Every node now lists pending outgoing mail every sweep (30 s), not only at start:
    // without an index that scans every mail thread ever stored, inbound ones included.
    // (webhook_deliveries has webhook_deliveries_by_state since migration 3.)
    version: 10,
    up: (tx) =>
      tx.exec(`
        CREATE INDEX email_threads_pending ON email_threads (created_at) WHERE delivery = 'pending';
      `),
  },
];

export async function runMigrations(db: Database): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
  const current = await currentVersion(db);
  for (const step of MIGRATIONS) {
    if (step.version <= current) continue;
    await db.transaction(async (tx) => {
      await step.up(tx);
      await tx.query('DELETE FROM schema_version');
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [step.version]);
    });
  }
  return currentVersion(db);
}

async function currentVersion(db: Database): Promise<number> {
  const result = await db.query<{ version: number }>('SELECT version FROM schema_version');
  return result.rows[0]?.version ?? 0;
}
