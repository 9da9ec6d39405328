import { z } from 'zod';
import { Id } from '../../src-shared/domain/ids.js';
import { QueueKey } from '../../src-shared/domain/queue.js';
import { Role, type Person } from '../../src-shared/domain/account.js';
import { LANGUAGES, type Language } from '../../src-shared/ai/text/language.js';

/** The queues every account has, whatever its routing config says. */
export const BUILT_IN_QUEUES = ['general', 'tier2', 'supervisor'] as const;

export const DEFAULT_CAPACITY = 5;
export const DEFAULT_FIRST_RESPONSE_MS = 60_000;
export const DEFAULT_NEXT_RESPONSE_MS = 120_000;

/**
 * One queue beyond (or restricting) the built-ins. `language`: new conversations whose
 * first message is in it start here instead of `general`. `roles` / `members`: who
 * serves it (default: every role, except that agents do not serve `supervisor`).
 */
export const QueueConfig = z.object({
  key: QueueKey,
  language: z.enum(LANGUAGES as [Language, ...Language[]]).optional(),
  roles: z.array(Role).min(1).max(3).optional(),
  members: z.array(Id).max(500).optional(),
});
export type QueueConfig = z.infer<typeof QueueConfig>;

/** An account's routing, stored in the hub DB and set through the admin API. */
export const RoutingConfig = z.object({
  /** Off by default: agents claim by hand. On: queued conversations go to the least-loaded online agent. */
  autoAssign: z.boolean().default(false),
  /** Conversations an agent holds at once unless their `agent.status` says otherwise. */
  defaultCapacity: z.number().int().min(0).max(50).default(DEFAULT_CAPACITY),
  sla: z
    .object({
      firstResponseMs: z.number().int().min(1_000).max(86_400_000).default(DEFAULT_FIRST_RESPONSE_MS),
      nextResponseMs: z.number().int().min(1_000).max(86_400_000).default(DEFAULT_NEXT_RESPONSE_MS),
    })
    .default({ firstResponseMs: DEFAULT_FIRST_RESPONSE_MS, nextResponseMs: DEFAULT_NEXT_RESPONSE_MS }),
  queues: z
    .array(QueueConfig)
    .max(50)
    .default([])
    .refine((queues) => new Set(queues.map((q) => q.key)).size === queues.length, 'queue keys must be unique'),
});
export type RoutingConfig = z.infer<typeof RoutingConfig>;
/** What an admin sends: every field optional, defaults fill the rest. */
export type RoutingConfigInput = z.input<typeof RoutingConfig>;

export const DEFAULT_ROUTING_CONFIG: RoutingConfig = RoutingConfig.parse({});

/** Every queue of the account: the built-ins first, then the configured ones. */
export const queueKeysOf = (config: RoutingConfig): string[] => [...new Set([...BUILT_IN_QUEUES, ...config.queues.map((q) => q.key)])];

/** Whether this person takes conversations from this queue. */
export function serves(config: RoutingConfig, queue: string, person: Pick<Person, 'id' | 'role'>): boolean {
  const configured = config.queues.find((q) => q.key === queue);
  if (configured?.members && !configured.members.includes(person.id)) return false;
  const roles = configured?.roles ?? (queue === 'supervisor' ? ['lead', 'supervisor'] : Role.options);
  return roles.includes(person.role);
}

/** The language queue for a new conversation's first message, if the account has one for that language. */
export const languageQueueOf = (config: RoutingConfig, language: Language): string | null =>
  config.queues.find((q) => q.language === language)?.key ?? null;

export const hasLanguageQueues = (config: RoutingConfig): boolean => config.queues.some((q) => q.language !== undefined);
