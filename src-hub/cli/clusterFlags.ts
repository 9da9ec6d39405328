import { isDatabaseUrl } from '../store/database.js';
import { CliError } from './cliError.js';

/** `--database-url` / `--redis-url`, or the env `HUB_DATABASE_URL` / `HUB_REDIS_URL` (a flag wins). */
export const CLUSTER_FLAGS = {
  'database-url': { type: 'string' },
  'redis-url': { type: 'string' },
} as const;

export interface ClusterOptions {
  databaseUrl?: string;
  redisUrl?: string;
}

export function clusterOptionsFrom(
  values: { 'database-url'?: string; 'redis-url'?: string },
  env: NodeJS.ProcessEnv = process.env,
): ClusterOptions {
  const databaseUrl = values['database-url'] ?? (env.HUB_DATABASE_URL || undefined);
  const redisUrl = values['redis-url'] ?? (env.HUB_REDIS_URL || undefined);
  if (databaseUrl !== undefined && !isDatabaseUrl(databaseUrl)) throw new CliError('--database-url must be postgres://user@host:port/db');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) throw new CliError('--redis-url must be redis://host:port');
  if (redisUrl !== undefined && databaseUrl === undefined) throw new CliError('--redis-url needs --database-url: the nodes of a cluster share one PostgreSQL');
  return { ...(databaseUrl ? { databaseUrl } : {}), ...(redisUrl ? { redisUrl } : {}) };
}

/** Where the store is, for the ready line, without the password a URL may carry. */
export function describeStore(options: ClusterOptions, dataDir: string): string {
  if (!options.databaseUrl) return `data: ${dataDir}`;
  const url = new URL(options.databaseUrl);
  const redis = options.redisUrl ? `, redis ${new URL(options.redisUrl).host}` : '';
  return `store: postgres ${url.host}${url.pathname}${redis}`;
}
