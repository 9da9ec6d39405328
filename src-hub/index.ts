import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Channel, HubAccount, Role } from '../src-shared/domain/account.js';
import { HubCommands, type HubCommandInput } from '../src-shared/hub/commands.js';
import { describeZodError, type Result } from '../src-shared/result.js';
import { upsertKbArticle } from './kb/upsertKbArticle.js';
import { startEmailChannel, type EmailChannel } from './adapters/email/emailChannel.js';
import type { EmailOptions } from './adapters/email/emailOptions.js';
import { startWebhookChannel, type WebhookChannel } from './adapters/webhook/webhookChannel.js';
import type { IssuedWebhookSecret } from './adapters/webhook/webhookAdmin.js';
import type { WebhookOptions } from './adapters/webhook/webhookOptions.js';
import { registerCustomerNamespace } from './adapters/webchat/customerNamespace.js';
import { startFirstLineBot, type BotOptions } from './bot/index.js';
import { createAdminService } from './admin/adminService.js';
import { registerAgentNamespace } from './agent/agentNamespace.js';
import { newId } from './auth/secrets.js';
import type { HubContext } from './context.js';
import { createEventBus } from './events/eventBus.js';
import { createJournal } from './events/journal.js';
import { startOrderedPublisher } from './events/orderedPublisher.js';
import { joinRedisCluster } from './events/redisCluster.js';
import { leadAlone, leadByAdvisoryLock } from './scaleout/leadership.js';
import { loadOrCreateAdminSecret } from './http/adminSecret.js';
import { createHttpRouter } from './http/httpRouter.js';
import { openDatabase } from './store/database.js';
import { systemClock, type Clock } from './routing/clock.js';
import type { RoutingConfig, RoutingConfigInput } from './routing/routingConfig.js';
import type { RoutingOptions } from './routing/routingOptions.js';
import { startRouting } from './routing/startRouting.js';
import { AGENT_NAMESPACE } from '../src-shared/hub/events.js';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './limits/connectionLimit.js';

export interface HubOptions {
  host?: string;
  port?: number /* 0 = random */;
  dataDir: string | null;
  /** `postgres://…`: the store is this shared PostgreSQL instead of PGlite in `dataDir` (which still holds the admin secret). */
  databaseUrl?: string;
  /** `redis://…`: joins the nodes sharing `databaseUrl` (socket.io Redis streams adapter + commit announcements). */
  redisUrl?: string;
  log?: (line: string) => void;
  /** Turns the email channel on: an SMTP listener in, a relay out. */
  email?: EmailOptions;
  /** The first-line bot for web chat: on by default for accounts with a KB; `{ enabled: false }` turns it off. */
  bot?: BotOptions;
  /** Tuning for the platform webhook API (always on for taobao, jd, douyin, wechat and webhook accounts). */
  webhook?: WebhookOptions;
  /** Presence grace and queue.stats timing; queues, auto-assignment and SLA times are per account (admin API). */
  routing?: RoutingOptions;
  /** Time for stamps and routing's timers; tests pass a fake one. Default: the system clock. */
  clock?: Clock;
  /** Per-connection rates for agent commands and widget messages; null turns one off (benchmarks). */
  limits?: Partial<ConnectionLimits>;
}

export type { EmailOptions, RelayOptions } from './adapters/email/emailOptions.js';
export type { BotOptions } from './bot/index.js';
export type { WebhookOptions } from './adapters/webhook/webhookOptions.js';
export type { RoutingOptions } from './routing/routingOptions.js';
export type { RoutingConfig, RoutingConfigInput } from './routing/routingConfig.js';
export type { ConnectionLimits } from './limits/connectionLimit.js';

export interface RunningHub {
  url: string;
  port: number;
  /** null when `options.email` was not given. `smtpPort` is null on a cluster node while another node listens. */
  email: Pick<EmailChannel, 'smtpPort' | 'addressOf'> | null;
  admin: {
    createAccount(input: { id: string; name: string; channel: Channel }): Promise<HubAccount>;
    issueToken(input: { accountId: string; personId: string; personName: string; role: Role }): Promise<{ tokenId: string; token: string }>;
    revokeToken(tokenId: string): Promise<void>;
    /** Adds or replaces a knowledge-base article (what a lead's `kb.upsert` does), e.g. to seed a demo KB. */
    upsertKbArticle(accountId: string, article: HubCommandInput<'kb.upsert'>): Promise<void>;
    /** Makes (or rotates) a platform account's webhook secret, shown this once; sets the callback URL when given. */
    issueWebhookSecret(accountId: string, input?: { callbackUrl?: string | null }): Promise<IssuedWebhookSecret>;
    /** Sets an account's routing (queues, autoAssign, SLA times, default capacity); omitted fields take their defaults. */
    setRoutingConfig(accountId: string, config: RoutingConfigInput): Promise<RoutingConfig>;
  };
  close(): Promise<void>;
}

/** Thrown by the programmatic admin API; `code` is an ErrorCode such as `duplicate-account`. */
export class HubAdminError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const unwrap = <T>(result: Result<T>): T => {
  if (!result.ok) throw new HubAdminError(result.error.code, result.error.message);
  return result.value;
};

/** The advisory lock whose holder runs the SMTP listener (the migrations take 4600_0001). */
export const SMTP_LISTENER_LOCK = 4600_0002;

/** The channel as callers see it: the port read when asked, since in a cluster this node may take the listener over later. */
const emailView = (channel: EmailChannel | null): RunningHub['email'] =>
  channel && {
    get smtpPort() {
      return channel.smtpPort;
    },
    addressOf: (accountId) => channel.addressOf(accountId),
  };

/** The composition root: store, journal, namespaces and HTTP on one port. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  if (options.redisUrl && !options.databaseUrl) throw new Error('redisUrl needs databaseUrl: the nodes of a cluster share one PostgreSQL');
  const db = await openDatabase(options.databaseUrl ?? options.dataDir);
  // PGlite made the data dir; on PostgreSQL it still holds this node's admin secret.
  if (options.dataDir !== null) await mkdir(options.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const bus = createEventBus(log);
  // Before any write: it starts from each account's head, and publishes in seq order whichever node commits.
  const publisher = await startOrderedPublisher({ db, bus, log });
  const journal = createJournal({ db, bus, now, publisher });
  const ctx: HubContext = { db, bus, now, newId, log, journal, admin: createAdminService({ db, now, journal }) };
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const adminSecret = await loadOrCreateAdminSecret(options.dataDir);

  let onTokenRevoked = (_tokenId: string) => {};
  const webhook: WebhookChannel = startWebhookChannel(ctx, options.webhook ?? {}, adminSecret);
  ctx.deadLetters = webhook.deadLetters;
  const http = createServer(createHttpRouter({ ctx, adminSecret, onTokenRevoked: (id) => onTokenRevoked(id), webhook }));
  const io = new Server(http, { serveClient: true });
  const cluster = options.redisUrl ? await joinRedisCluster(io, options.redisUrl, log) : null;
  if (cluster) await publisher.attach(cluster.link);
  const agents = registerAgentNamespace(io, ctx, limits.agentCommands);
  // A token's sockets may be on any node: cut ours, tell the others to cut theirs.
  const cutRevokedToken = (tokenId: string) => {
    agents.disconnectToken(tokenId);
    cluster?.revocations.announce(tokenId);
  };
  cluster?.revocations.listen(agents.disconnectToken);
  onTokenRevoked = cutRevokedToken;
  // Before listening: no event can happen while the bot reads the KB from the log.
  const bot = await startFirstLineBot(ctx, options.bot);
  ctx.bot = bot;
  // --- routing: queues, presence, auto-assignment, SLA timers, queue.stats (before listening, like the bot) ---
  const routing = await startRouting(ctx, { nsp: io.of(AGENT_NAMESPACE), clock, options: options.routing });
  ctx.routing = routing;
  // --- end routing ---
  const stopRelay = registerCustomerNamespace(io, ctx, bot.startStatus, limits.customerMessages);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 4600, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  let email: EmailChannel | null = null;
  try {
    // Nodes sharing a PostgreSQL may be a cluster: one of them listens for mail at a time.
    const lead = options.databaseUrl ? leadByAdvisoryLock({ databaseUrl: options.databaseUrl, lockKey: SMTP_LISTENER_LOCK, name: 'smtp listener', log }) : leadAlone;
    email = options.email ? await startEmailChannel(ctx, options.email, undefined, lead) : null;
  } catch (error) {
    await webhook.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await publisher.stop();
    await cluster?.close();
    await db.close();
    throw error;
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`hub listening on ${url}`);

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      stopRelay();
      routing.stop();
      await routing.idle();
      await bot.stop();
      await email?.close();
      await webhook.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        http.closeAllConnections();
      });
      await ctx.journal.drain();
      await publisher.stop();
      await cluster?.close();
      await db.close();
      log('hub closed');
    })();
    return closing;
  };

  return {
    url,
    port,
    email: emailView(email),
    admin: {
      createAccount: async (input) => unwrap(await ctx.admin.createAccount(input)),
      issueToken: async (input) => unwrap(await ctx.admin.issueToken(input)),
      revokeToken: async (tokenId) => {
        unwrap(await ctx.admin.revokeToken(tokenId));
        cutRevokedToken(tokenId);
      },
      upsertKbArticle: async (accountId, article) => {
        const input = HubCommands['kb.upsert'].input.safeParse(article);
        if (!input.success) throw new HubAdminError('validation', describeZodError(input.error));
        unwrap(await upsertKbArticle(ctx, accountId, input.data));
      },
      issueWebhookSecret: async (accountId, input = {}) => unwrap(await webhook.admin.issueSecret(accountId, input)),
      setRoutingConfig: async (accountId, config) => unwrap(await routing.setConfig(accountId, config)),
    },
    close,
  };
}
