import type { HubAccount } from '../../src-shared/domain/account.js';
import type { ConversationStatus } from '../../src-shared/domain/conversation.js';
import type { BotPresence, HubContext } from '../context.js';
import { readKbChanges } from '../store/kbChanges.js';
import { createBotKnowledge } from './botKnowledge.js';
import { BOT_CHANNELS, BOT_MAX_PENDING, resolveBotOptions, type BotOptions } from './botOptions.js';
import { createBotQueue } from './botQueue.js';
import { runBotJob, type BotJob } from './runBotJob.js';

export interface FirstLineBot extends BotPresence {
  /** `bot` when the bot takes this account's new conversations, `open` (straight to the queue) otherwise. */
  startStatus(account: HubAccount): Extract<ConversationStatus, 'bot' | 'open'>;
  stop(): Promise<void>;
}

const keyOf = (accountId: string, conversationId: string) => `${accountId}/${conversationId}`;

/**
 * The hub's first-line bot. Its KB is the event log's `kb.changed` events, read
 * once at start and kept current from the bus; it hears committed customer
 * messages on the bus and answers in records of its own.
 */
export async function startFirstLineBot(ctx: HubContext, botOptions: BotOptions = {}): Promise<FirstLineBot> {
  const options = resolveBotOptions(botOptions);
  if (!options.enabled) return { startStatus: () => 'open', serves: () => false, name: options.name, stop: async () => {} };

  const knowledge = createBotKnowledge();
  for (const { accountId, article } of await readKbChanges(ctx.db)) knowledge.apply(accountId, article);

  const queue = createBotQueue<BotJob>(
    (key, job) => {
      const [accountId, conversationId] = key.split('/') as [string, string];
      return runBotJob({ ctx, knowledge, options }, accountId, conversationId, job);
    },
    { max: BOT_MAX_PENDING, delayMs: options.replyDelayMs, log: ctx.log },
  );
  const offer = (accountId: string, conversationId: string, job: BotJob) => {
    // Overloaded: hand over at once rather than keep the customer waiting for a bot.
    if (!queue.offer(keyOf(accountId, conversationId), job)) {
      runBotJob({ ctx, knowledge, options }, accountId, conversationId, { kind: 'handover', reason: 'busy' }).catch((error: unknown) =>
        ctx.log(`bot hand-over failed: ${String(error)}`),
      );
    }
  };

  const unsubscribe = ctx.bus.subscribe(null, (accountId, event, origin) => {
    if (event.type === 'kb.changed') knowledge.apply(accountId, event.data);
    // The node that committed the customer's message answers it: once per cluster.
    else if (origin === 'local' && event.type === 'message.created' && event.data.author.kind === 'customer' && !event.data.private && knowledge.engineOf(accountId)) {
      offer(accountId, event.data.conversationId, { kind: 'reply', message: event.data });
    }
    // Escalations and takeovers need nothing from here: they change the owner (and
    // say so to the customer) in their own record, and the bot then stays silent.
  });

  const serves = (account: HubAccount) => BOT_CHANNELS.has(account.channel) && knowledge.engineOf(account.id) !== null;
  return {
    startStatus: (account) => (serves(account) ? 'bot' : 'open'),
    serves,
    name: options.name,
    async stop() {
      unsubscribe();
      await queue.stop();
    },
  };
}
