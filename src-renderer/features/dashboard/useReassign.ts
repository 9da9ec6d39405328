import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';

/** Where a lead moves a conversation: to an agent, or back to a queue (assigneeId null). */
export interface Reassignment {
  conversationId: string;
  assigneeId: string | null;
  queue: string;
}

/** Reassigns through the hub, which checks the role; its refusal (e.g. `forbidden`) is kept to show. */
export function useReassign(accountId: string) {
  const { t } = useTranslation();
  const { bridge, inbox } = useServices();
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reassign = async ({ conversationId, assigneeId, queue }: Reassignment) => {
    setBusy(conversationId);
    setError(null);
    const result = await bridge.conversations.assign(assigneeId === null ? { accountId, conversationId, assigneeId, queue } : { accountId, conversationId, assigneeId });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    inbox.getState().notify(t('dashboard.reassigned'));
  };
  return { reassign, error, busy };
}
