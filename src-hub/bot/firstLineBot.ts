import type { HubAccount } from '../../src-shared/domain/account.js';
import type { ConversationStatus } from '../../src-shared/domain/conversation.js';
import type { HubContext } from '../context.js';
import { readKbChanges } from '../store/kbChanges.js';
import { createBotKnowledge } from './botKnowledge.js';
import { BOT_CHANNELS, BOT_MAX_PENDING, resolveBotOptions, type BotOptions } from './botOptions.js';
import { createBotQueue } from './botQueue.js';
import { runBotJob, type BotJob } from './runBotJob.js';

export interface FirstLineBot {
  /** `bot` when the bot takes this account's new conversations, `open` (straight to the queue) otherwise. */
  startStatus(account: HubAccount): Extract<ConversationStatus, 'bot' | 'open'>;
  stop(): Promise<void>;
}

const keyOf = (accountId: string, conversationId: string) => `${accountId}/${conversationId}`;

/**
 * The hub's first-line bot. Its KB is the event log's `kb.changed` events, read
 * once at start and kept current from the bus; it hears committed customer
 * messages and escalations on the bus and answers in records of its own.
 */
export async function startFirstLineBot(ctx: HubContext, botOptions: BotOptions = {}): Promise<FirstLineBot> {
  const options = resolveBotOptions(botOptions);
  if (!options.enabled) return { startStatus: () => 'open', stop: async () => {} };

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

  const unsubscribe = ctx.bus.subscribe(null, (accountId, event) => {
    if (event.type === 'kb.changed') knowledge.apply(accountId, event.data);
    else if (event.type === 'message.created' && event.data.author.kind === 'customer' && !event.data.private && knowledge.engineOf(accountId)) {
      offer(accountId, event.data.conversationId, { kind: 'reply', message: event.data });
    } else if (event.type === 'conversation.escalated' && event.data.target === 'human') {
      offer(accountId, event.data.conversationId, { kind: 'handover', reason: 'escalated' });
    }
  });

  return {
    startStatus: (account) => (BOT_CHANNELS.has(account.channel) && knowledge.engineOf(account.id) ? 'bot' : 'open'),
    async stop() {
      unsubscribe();
      await queue.stop();
    },
  };
}
