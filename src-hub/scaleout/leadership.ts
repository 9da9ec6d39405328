import pg from 'pg';

/** What only one node of a cluster may run (the SMTP listener): starts it, returns how to stop it. */
export type LeaderRole = () => Promise<() => Promise<void>>;

export interface Leadership {
  /** Whether this node runs the role now. */
  readonly leading: boolean;
  /** Stops the role if it runs here, gives the lead up (another node takes it), stops trying. */
  close(): Promise<void>;
}

/** How a service asks to run `role` on one node: `leadAlone` on a single node, `leadByAdvisoryLock` in a cluster. */
export type Lead = (role: LeaderRole) => Promise<Leadership>;

/** A node on its own store leads by itself: the role starts now, and its failure is the caller's. */
export const leadAlone: Lead = async (role) => {
  let stop: (() => Promise<void>) | null = await role();
  return {
    get leading() {
      return stop !== null;
    },
    async close() {
      const stopping = stop;
      stop = null;
      await stopping?.();
    },
  };
};

export interface AdvisoryLockLead {
  databaseUrl: string;
  /** The advisory lock key, one per role: the same on every node. */
  lockKey: number;
  /** For log lines: what leads. */
  name: string;
  log: (line: string) => void;
  /** How often a follower tries for the lock, and the leader checks its connection. Default 1 s. */
  retryMs?: number;
}

export const DEFAULT_LEAD_RETRY_MS = 1_000;

/**
 * Leadership by a PostgreSQL session advisory lock on a connection of its own:
 * the node that gets `pg_try_advisory_lock` runs the role; the others try again
 * every `retryMs`. The lock lives as long as the session, so when the leader
 * dies (process killed, machine gone) PostgreSQL releases it with the
 * connection and a follower takes over within about `retryMs`. A leader that
 * loses its connection (heartbeat failed, server restart) stops the role at
 * once, since another node may hold the lock by then.
 *
 * A leader cut off from the network but still running may keep the role until
 * its heartbeat fails, beside the new leader: a role run here must tolerate a
 * short overlap (two SMTP listeners briefly is harmless: mail is deduplicated
 * by Message-ID, and the MTA simply reaches one of them).
 */
export function leadByAdvisoryLock(options: AdvisoryLockLead): Lead {
  return async (role) => {
    const { lockKey, name, log } = options;
    const retryMs = options.retryMs ?? DEFAULT_LEAD_RETRY_MS;
    let client: pg.Client | null = null;
    let stopRole: (() => Promise<void>) | null = null;
    let closed = false;
    let timer: NodeJS.Timeout | null = null;
    let lastComplaint = '';
    // Turns, step-downs and close run one at a time, in the order they were asked for.
    let queue: Promise<void> = Promise.resolve();
    const serially = (step: () => Promise<void>): Promise<void> => (queue = queue.then(step, step));

    const dropConnection = async () => {
      const dropped = client;
      client = null;
      await dropped?.end().catch(() => {});
    };

    const stepDown = async (reason: string) => {
      await dropConnection();
      const stop = stopRole;
      stopRole = null;
      if (!stop) return;
      log(`${name}: lost the lead (${reason}); stopping here`);
      await stop().catch((error: unknown) => log(`${name}: stopping failed: ${String(error)}`));
    };

    const connect = async (): Promise<pg.Client> => {
      const fresh = new pg.Client({ connectionString: options.databaseUrl, keepAlive: true });
      // A leader whose session ends (killed, server restarted) no longer holds the lock: another
      // node may take it any moment, so the role stops now rather than at the next heartbeat.
      // The event itself must never crash the node.
      const lost = (why: string) => {
        if (client === fresh && stopRole) void serially(async () => (client === fresh ? stepDown(why) : undefined));
      };
      fresh.on('error', (error) => lost(String(error)));
      fresh.on('end', () => lost('database session ended'));
      await fresh.connect();
      return fresh;
    };

    /** One turn: a follower tries for the lock; the leader checks its session is still there. */
    const turn = async () => {
      if (closed) return;
      try {
        if (stopRole) {
          await client!.query('SELECT 1');
          return;
        }
        client ??= await connect();
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [lockKey]);
        if (!rows[0]?.ok) return;
        try {
          stopRole = await role();
        } catch (error) {
          // Let another node try (its port may be free): give the lock back.
          await client.query('SELECT pg_advisory_unlock($1)', [lockKey]).catch(() => {});
          throw error;
        }
        lastComplaint = '';
        log(`${name}: this node leads`);
      } catch (error) {
        if (stopRole) await stepDown(String(error));
        else {
          await dropConnection();
          // Once per distinct cause, not every retry.
          if (String(error) !== lastComplaint) log(`${name}: could not take the lead: ${String(error)}`);
          lastComplaint = String(error);
        }
      }
    };

    const schedule = () => {
      if (closed) return;
      timer = setTimeout(() => void serially(turn).finally(schedule), retryMs);
      timer.unref();
    };

    await serially(turn);
    schedule();

    return {
      get leading() {
        return stopRole !== null;
      },
      async close() {
        closed = true;
        if (timer) clearTimeout(timer);
        await serially(async () => {
          const stop = stopRole;
          stopRole = null;
          await stop?.();
          if (client) await client.query('SELECT pg_advisory_unlock($1)', [lockKey]).catch(() => {});
          await dropConnection();
        });
      },
    };
  };
}
