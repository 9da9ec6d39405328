import type { DeadLetterView } from '../../../src-shared/hub/commands.js';
import { err, ok, type Result } from '../../../src-shared/result.js';
import { recordAudit, type AuditActor } from '../../audit/recordAudit.js';
import type { HubContext } from '../../context.js';
import { findDelivery } from '../../store/webhookDeliveries.js';
import type { WebhookDeliveryWorker } from './deliveryWorker.js';
import { requeueDeadLetter, type WebhookAdmin } from './webhookAdmin.js';

const PREVIEW_CHARS = 120;
const ERROR_CHARS = 500;

/** What a lead's workstation may do with its own account's dead letters (the hub commands `delivery.*`). */
export interface DeadLetterDesk {
  list(accountId: string): Promise<DeadLetterView[]>;
  /** Re-queues one through the same worker as the admin retry, with an audit line. */
  retry(accountId: string, id: string, by: AuditActor): Promise<Result<Record<string, never>>>;
}

export function createDeadLetterDesk(ctx: HubContext, deps: { admin: WebhookAdmin; worker: WebhookDeliveryWorker }): DeadLetterDesk {
  return {
    async list(accountId) {
      const letters = await deps.admin.listDeadLetters(accountId);
      return letters.map((letter) => ({
        id: letter.id,
        conversationId: letter.conversationId,
        messageId: letter.messageId,
        attempts: letter.attempts,
        lastError: letter.lastError?.slice(0, ERROR_CHARS) ?? null,
        failedAt: letter.failedAt,
        preview: (letter.text ?? '').slice(0, PREVIEW_CHARS),
      }));
    },
    async retry(accountId, id, by) {
      // Another account's id reads as unknown: a lead learns nothing of other shops.
      const delivery = await findDelivery(ctx.db, id);
      if (!delivery || delivery.accountId !== accountId) return err('not-found', `no dead letter ${id}`);
      const requeued = await ctx.journal.record(accountId, async (writer) => {
        const result = await requeueDeadLetter(writer.tx, id, writer.at);
        if (result.ok) {
          await recordAudit(ctx, writer, accountId, {
            action: 'delivery.retry',
            actor: by,
            conversationId: delivery.conversationId,
            detail: `reply ${delivery.messageId} after ${delivery.attempts} attempt(s)`,
          });
        }
        return result;
      });
      if (!requeued.ok) return requeued;
      deps.worker.requeue(requeued.value).catch((error: unknown) => ctx.log(`re-queuing dead letter ${id} failed: ${String(error)}`));
      return ok({});
    },
  };
}
