import { detectLanguage } from '../../src-shared/ai/text/language.js';
import { DEFAULT_QUEUE } from '../../src-shared/domain/conversation.js';
import type { HubEvent } from '../../src-shared/hub/events.js';
import { agentOf, type AccountRouting } from './accountRouting.js';
import { applyMessage, applyUpsert } from './routedConversation.js';
import { hasLanguageQueues, languageQueueOf } from './routingConfig.js';

/** What routing must do after an event changed its state. */
export interface EventEffects {
  /** Conversations whose SLA clock may have moved. */
  slaChanged: string[];
  /** Something routing acts on changed: run the account's worker. */
  kick: boolean;
  /** A person's presence changed (their capacity is read back from the store). */
  presenceOf: string | null;
}

const NOTHING: EventEffects = { slaChanged: [], kick: false, presenceOf: null };

/** Applies one committed event to the account's routing state. Pure apart from `state`. */
export function applyHubEvent(state: AccountRouting, event: HubEvent): EventEffects {
  switch (event.type) {
    case 'conversation.upsert': {
      const doc = event.data;
      const previous = state.conversations.get(doc.id);
      const { next, change } = applyUpsert(previous, doc, event.at);
      if (next) state.conversations.set(doc.id, next);
      else state.conversations.delete(doc.id);
      // Born in this very record in the first-line queue: its first line may pick a language queue,
      // and it counts as arriving only where it ends up.
      const awaitsLanguage = !previous && next !== null && doc.createdAt === event.at && next.queue === DEFAULT_QUEUE && hasLanguageQueues(state.config);
      if (awaitsLanguage) state.awaitingLanguage.add(doc.id);
      else if (change.kind === 'arrived') state.arrivals.push({ queue: change.queue, at: event.at });
      if (change.kind === 'resolved') state.resolutions.push({ queue: change.queue, at: event.at });
      if (!next) {
        state.awaitingLanguage.delete(doc.id);
        state.languageMoves.delete(doc.id);
      }
      // A queued arrival, a resolution or an unassignment frees or needs an agent.
      const kick = change.kind !== 'none' || (previous !== undefined && previous.assigneeId !== (next?.assigneeId ?? null));
      return { slaChanged: [doc.id], kick, presenceOf: null };
    }
    case 'message.created': {
      const message = event.data;
      const conversation = state.conversations.get(message.conversationId);
      if (!conversation || message.private) return NOTHING;
      state.conversations.set(conversation.id, applyMessage(conversation, message));
      if (message.author.kind === 'customer' && state.awaitingLanguage.delete(conversation.id)) {
        const target = languageQueueOf(state.config, detectLanguage(message.text));
        if (target && target !== conversation.queue) state.languageMoves.set(conversation.id, target);
        else if (conversation.owner === 'queued') state.arrivals.push({ queue: conversation.queue, at: event.at });
        return { slaChanged: [conversation.id], kick: state.languageMoves.has(conversation.id), presenceOf: null };
      }
      return { slaChanged: [conversation.id], kick: false, presenceOf: null };
    }
    case 'agent.presence': {
      const { personId, status, name } = event.data;
      const known = state.agents.get(personId);
      const agent = known ?? agentOf(state, { id: personId, name: name ?? personId, role: 'agent' }, event.at);
      if (name) agent.person = { ...agent.person, name };
      if (status === 'online' && agent.status !== 'online') agent.idleSince = event.at;
      agent.status = status;
      return { slaChanged: [], kick: status === 'online', presenceOf: personId };
    }
    default:
      return NOTHING;
  }
}
