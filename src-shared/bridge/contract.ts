import { z } from 'zod';
import { AccountToken, Channel, Person } from '../domain/account.js';
import { ClientId, Id, Timestamp } from '../domain/ids.js';
import { Message, MessageText } from '../domain/message.js';
import { HubCommands } from '../hub/commands.js';
import { QueueStats } from '../domain/queue.js';
import { HubEvent, SuggestionFeedback } from '../hub/events.js';
import { RewriteRequest, RewriteResult, RewriteSettingsInput, RewriteSettingsView } from './aiRewrite.js';

/**
 * The connection state of one channel account, as main sees it. `syncing`: the hub
 * accepted us (session.opened) and is replaying the events missed since the cursor;
 * `online` follows at sync.done. Commands are accepted from `syncing` on.
 */
export const ConnectionStatus = z.enum(['connecting', 'syncing', 'online', 'offline', 'auth-failed']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

/** Why an account is not online; the UI translates each code (`account.reason.<code>`). */
export const StatusReason = z.enum([
  'hub-unreachable',
  'connection-lost',
  'hub-closed',
  'auth-invalid-token',
  'auth-revoked-token',
  'auth-unknown-account',
  'protocol-error',
]);
export type StatusReason = z.infer<typeof StatusReason>;

export const AccountView = z.object({
  id: Id,
  hubUrl: z.string().url(),
  name: z.string().max(200),
  channel: Channel.nullable(),
  person: Person.nullable(),
  status: ConnectionStatus,
  reason: StatusReason.nullable(),
  /** Extra words for the reason (e.g. the socket error), for the tooltip and the log. */
  detail: z.string().max(500).nullable(),
  /**
   * When main last knew itself up to date with the hub: set at each sync.done and
   * refreshed by live events while online ("up to date as of …").
   */
  syncedAt: Timestamp.nullable(),
  /**
   * While syncing: how many events the hub is still replaying (its head seq minus
   * our cursor), counting down as batches arrive. Null in every other status.
   */
  missed: z.number().int().nonnegative().nullable(),
  /** When main will try again, while offline. */
  retryAt: Timestamp.nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

const HubUrl = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'hub URL must start with http:// or https://');

const AccountRef = z.object({ accountId: Id });
/** Whether the desktop shell did it natively; false means "do it yourself, renderer". */
const DesktopHandled = z.object({ handled: z.boolean() });
const ConversationRef = AccountRef.extend({ conversationId: Id });

/**
 * Renderer → main calls, named `domain/verb`. Main validates every input with
 * these schemas (the renderer is not trusted) and answers with a Result.
 */
export const BridgeCalls = {
  'accounts/list': { input: z.object({}), output: z.array(AccountView) },
  'accounts/add': { input: z.object({ hubUrl: HubUrl, token: AccountToken }), output: AccountView },
  'accounts/remove': { input: AccountRef, output: z.object({}) },
  /**
   * Connect now instead of waiting out the backoff (wake from sleep, network back,
   * the user's "retry"). `{}`: every offline account. `{ accountId }`: that account,
   * also from auth-failed (the token may have been fixed on the hub). Accounts that
   * are connecting, syncing or online are left alone, so repeated calls are cheap.
   */
  'accounts/reconnect': { input: z.object({ accountId: Id.optional() }), output: z.object({}) },
  /** The renderer stored every event up to `seq`: main resumes from here after a reconnect. */
  'events/committed': { input: AccountRef.extend({ seq: z.number().int().nonnegative() }), output: z.object({}) },
  /** The renderer's stored cursor (e.g. after a restart): main replays from it. */
  'events/resume': { input: AccountRef.extend({ cursor: z.number().int().nonnegative() }), output: z.object({}) },
  'conversations/send': {
    input: ConversationRef.extend({ clientId: ClientId, text: MessageText }),
    output: z.object({ message: Message, duplicate: z.boolean() }),
  },
  /** A private note: teammates see it, the customer never does. Idempotent on clientId like send. */
  'conversations/note': {
    input: ConversationRef.extend({ clientId: ClientId, text: MessageText }),
    output: z.object({ message: Message, duplicate: z.boolean() }),
  },
  'conversations/claim': { input: ConversationRef, output: z.object({}) },
  /**
   * To tier 2, a supervisor, or from the bot to a human, with the reason and a summary the
   * receiver reads first. Queued in the outbox when offline; `clientId` makes a replay land once.
   */
  'conversations/escalate': {
    input: AccountRef.extend(HubCommands['conversation.escalate'].input.shape),
    output: HubCommands['conversation.escalate'].output,
  },
  /** Supervisor: take a conversation from the bot (or an agent); the hub mutes the bot atomically. */
  'conversations/takeover': { input: ConversationRef, output: z.object({}) },
  'conversations/handback': {
    input: AccountRef.extend(HubCommands['conversation.handback'].input.shape),
    output: z.object({}),
  },
  /** Lead or supervisor: reassign to an agent or back to a queue. */
  'conversations/assign': {
    input: AccountRef.extend(HubCommands['conversation.assign'].input.shape),
    output: z.object({}),
  },
  /** My presence (and capacity) on one account; routing assigns only to online agents. */
  'agent/status': { input: AccountRef.extend(HubCommands['agent.status'].input.shape), output: z.object({}) },
  /** What the agent did with a suggestion; synced so leads see acceptance per article. */
  'suggestions/feedback': {
    input: AccountRef.extend(SuggestionFeedback.shape),
    output: HubCommands['suggestion.feedback'].output,
  },
  /** A lead's edit of a KB article or canned reply; the hub checks the role and sanitizes nothing: bodies are plain text. */
  'kb/upsert': { input: AccountRef.extend({ article: HubCommands['kb.upsert'].input }), output: z.object({}) },
  'conversations/resolve': { input: ConversationRef, output: z.object({}) },
  'conversations/reopen': { input: ConversationRef, output: z.object({}) },
  'conversations/mark-pending': { input: ConversationRef, output: z.object({}) },
  /** Lead or supervisor: the account's webhook replies that ran out of retries, newest first. */
  'deliveries/dead-letters': { input: AccountRef, output: HubCommands['delivery.deadLetters'].output },
  /** Lead or supervisor: send one again; the hub audits it and answers `not-found` / `conflict`. */
  'deliveries/retry': { input: AccountRef.extend(HubCommands['delivery.retry'].input.shape), output: z.object({}) },
  /**
   * The dock/taskbar badge (Electron: app badge on macOS and Linux Unity, tray
   * tooltip on Windows). `handled: false` (the web host, or an OS without a badge):
   * the renderer shows the count itself, e.g. in the document title.
   */
  'app/set-badge': { input: z.object({ count: z.number().int().min(0).max(99_999) }), output: DesktopHandled },
  /**
   * A native notification; clicking it focuses the window and pushes
   * `app/notification-clicked`. `handled: false` (the web host, or no native
   * notifications): the renderer falls back to the browser's Notification API.
   */
  'app/notify': {
    input: z.object({
      title: z.string().max(200),
      body: z.string().max(500),
      conversationId: Id.optional(),
      accountId: Id.optional(),
      /** A customer's message: offer an inline reply where the OS has one (macOS). */
      replyable: z.boolean().optional(),
    }),
    output: DesktopHandled,
  },
  /** The optional LLM rewrite (see aiRewrite.ts): its settings, without the key. */
  'ai/rewrite-settings': { input: z.object({}), output: RewriteSettingsView },
  'ai/configure-rewrite': { input: RewriteSettingsInput, output: RewriteSettingsView },
  /** Rewrites one suggestion through the configured endpoint; `forbidden` when it is off. */
  'ai/rewrite': { input: RewriteRequest, output: RewriteResult },
} as const;

/** Main → renderer pushes, named for what happened. */
export const BridgePushes = {
  'accounts/status-changed': AccountView,
  'events/received': z.object({ accountId: Id, events: z.array(HubEvent).min(1) }),
  'accounts/removed': AccountRef,
  /** The hub's live queue numbers for one account (leads and supervisors only; about once a second). */
  'queues/stats': z.object({ accountId: Id, stats: z.array(QueueStats).max(500) }),
  /** The user clicked a native notification (the window is already focused). Null: it named none. */
  'app/notification-clicked': z.object({ accountId: Id.nullable(), conversationId: Id.nullable() }),
  /** The user answered inside a native notification: the renderer queues it like any reply. */
  'app/notification-replied': z.object({ accountId: Id, conversationId: Id, text: MessageText }),
} as const;

export type BridgeCallName = keyof typeof BridgeCalls;
export type BridgePushName = keyof typeof BridgePushes;
export type CallInput<K extends BridgeCallName> = z.infer<(typeof BridgeCalls)[K]['input']>;
export type CallOutput<K extends BridgeCallName> = z.infer<(typeof BridgeCalls)[K]['output']>;
export type PushPayload<K extends BridgePushName> = z.infer<(typeof BridgePushes)[K]>;

export const bridgeCallNames = Object.keys(BridgeCalls) as BridgeCallName[];
export const bridgePushNames = Object.keys(BridgePushes) as BridgePushName[];

export const isBridgeCallName = (name: unknown): name is BridgeCallName =>
  typeof name === 'string' && Object.hasOwn(BridgeCalls, name);
export const isBridgePushName = (name: unknown): name is BridgePushName =>
  typeof name === 'string' && Object.hasOwn(BridgePushes, name);
