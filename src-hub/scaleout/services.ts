import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

/** The project's own start/stop script (not imported: it is a plain Node CLI, outside the hub's layer). */
const SCRIPT = fileURLToPath(new URL('../../scripts/services/services.mjs', import.meta.url));
const run = promisify(execFile);

/**
 * Why the PostgreSQL + Redis tests cannot run here, or null when they can.
 * Missing binaries skip those tests on a developer's machine; under CI the
 * start fails instead, so CI never passes without having run them.
 */
export function servicesMissing(): string | null {
  const check = spawnSync(process.execPath, [SCRIPT, 'check'], { encoding: 'utf8' });
  if (check.status === 0) return null;
  return `PostgreSQL or redis-server not installed (${check.stdout.trim()}); apt-get install postgresql redis-server, or set CI=true to make this a failure`;
}

export const skipServices = (): boolean => {
  const missing = servicesMissing();
  if (missing === null || process.env.CI) return false;
  console.warn(`skipping the PostgreSQL/Redis tests: ${missing}`);
  return true;
};

export interface Services {
  databaseUrl: string;
  /** null with `only: 'postgres'`. */
  redisUrl: string | null;
  /** A new empty database on the same server, so each suite starts from migration 0. */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

let databases = 0;

export async function startServices(only?: 'postgres'): Promise<Services> {
  const { stdout } = await run(process.execPath, [SCRIPT, 'start', ...(only ? ['--only', only] : [])], { timeout: 60_000 });
  const started = JSON.parse(stdout.trim().split('\n').at(-1)!) as { dir: string; databaseUrl: string; redisUrl: string | null };
  return {
    databaseUrl: started.databaseUrl,
    redisUrl: started.redisUrl,
    async freshDatabase() {
      const name = `hub_test_${process.pid}_${++databases}`;
      const admin = new pg.Client({ connectionString: started.databaseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(started.databaseUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: async () => void (await run(process.execPath, [SCRIPT, 'stop', started.dir], { timeout: 30_000 })),
  };
}
