import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EscalationTarget } from '../../../src-shared/index.js';
import { useInbox, useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';
import { enqueueEscalation } from '../../db/outbox.js';
import { newClientId } from '../composer/newClientId.js';
import { useEscalationSummary } from './useEscalationSummary.js';

const REASONS = ['complaint', 'refund', 'technical', 'vip', 'other'] as const;

/**
 * One click from the conversation (or `x`): to whom, why, and a summary for the
 * receiver. It goes through the outbox like a reply, so it works offline and lands
 * once; the hub records it for everyone and moves the conversation to the target queue.
 */
export function EscalateDialog() {
  const open = useInbox((s) => s.overlay === 'escalate');
  const selectedId = useInbox((s) => s.selectedId);
  return open && selectedId ? <Dialog conversationId={selectedId} /> : null;
}

function Dialog({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { db, inbox, outbox } = useServices();
  const errorText = useErrorText();
  const suggested = useEscalationSummary(conversationId);
  const [summary, setSummary] = useState<string>();
  useEffect(() => setSummary((mine) => mine ?? suggested), [suggested]);
  const conversation = useLiveQuery(() => db.conversations.get(conversationId), [db, conversationId]);
  const [target, setTarget] = useState<EscalationTarget>(conversation?.status === 'bot' ? 'human' : 'tier2');
  const [reason, setReason] = useState<(typeof REASONS)[number]>('complaint');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const close = () => inbox.getState().setOverlay(null);

  const submit = async () => {
    if (!conversation) return;
    const text = [reason === 'other' ? '' : t(`escalation.reasons.${reason}`), note.trim()].filter(Boolean).join(' — ');
    if (!text) return;
    setBusy(true);
    const clientId = newClientId();
    const trimmed = summary?.trim().slice(0, 4000);
    await enqueueEscalation(
      db,
      { clientId, accountId: conversation.accountId, conversationId, target, reason: text, ...(trimmed ? { summary: trimmed } : {}) },
      Date.now(),
    );
    await outbox.kick();
    const left = await db.outbox.get(clientId);
    setBusy(false);
    close();
    // Gone: it landed, and the outbox said so (see createServices). Still there: offline
    // (queued) or refused (failed, shown in the conversation with retry).
    if (left?.state === 'queued') inbox.getState().notify(t('escalation.queued'));
    else if (left) inbox.getState().notify(errorText(left.error!), true);
  };

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="escalate-title" data-testid="escalate-dialog" onClick={close}>
      <form className="overlay-panel escalate" onClick={(e) => e.stopPropagation()} onSubmit={(e) => (e.preventDefault(), void submit())}>
        <h2 id="escalate-title">{t('escalation.title')}</h2>
        <fieldset>
          {EscalationTarget.options.map((to) => (
            <label key={to}>
              <input type="radio" name="target" value={to} checked={target === to} onChange={() => setTarget(to)} data-testid={`escalate-target-${to}`} />
              {t(`escalation.target.${to}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('escalation.reason')}
          <select data-testid="escalate-reason" value={reason} onChange={(e) => setReason(e.target.value as (typeof REASONS)[number])}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`escalation.reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('escalation.note')}
          <textarea data-testid="escalate-note" rows={3} maxLength={800} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
        </label>
        <label>
          {t('escalation.summary')}
          <textarea
            data-testid="escalate-summary"
            rows={4}
            maxLength={4000}
            value={summary ?? ''}
            placeholder={suggested === '' ? t('escalation.summaryEmpty') : ''}
            onChange={(e) => setSummary(e.target.value)}
          />
          <small className="muted">{t('escalation.summaryHint')}</small>
        </label>
        <button type="submit" data-testid="escalate-send" disabled={busy || (reason === 'other' && !note.trim())}>
          {t('escalation.send')}
        </button>
      </form>
    </div>
  );
}
