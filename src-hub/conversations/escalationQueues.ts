import type { EscalationTarget } from '../../src-shared/hub/events.js';
import { DEFAULT_QUEUE } from '../../src-shared/domain/conversation.js';
import type { BotTextKey } from '../bot/botTexts.js';

/** Where each escalation target waits: a person means the first-line queue. */
export const QUEUE_OF_TARGET: Record<EscalationTarget, string> = {
  human: DEFAULT_QUEUE,
  tier2: 'tier2',
  supervisor: 'supervisor',
};

/** What the customer is told: a person, a specialist, a supervisor. */
export const NOTICE_OF_TARGET: Record<EscalationTarget, BotTextKey> = {
  human: 'handover',
  tier2: 'escalatedTier2',
  supervisor: 'escalatedSupervisor',
};
