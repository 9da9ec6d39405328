import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EscalationTarget } from '../../../src-shared/index.js';
import { useInbox, useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';

const REASONS = ['complaint', 'refund', 'technical', 'vip', 'other'] as const;

/** One click from the conversation (or `x`): to whom, and why; the hub records it for everyone. */
export function EscalateDialog() {
  const open = useInbox((s) => s.overlay === 'escalate');
  const selectedId = useInbox((s) => s.selectedId);
  return open && selectedId ? <Dialog conversationId={selectedId} /> : null;
}

function Dialog({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { bridge, db, inbox } = useServices();
  const errorText = useErrorText();
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
    const result = await bridge.conversations.escalate({ accountId: conversation.accountId, conversationId, target, reason: text });
    setBusy(false);
    inbox.getState().notify(result.ok ? t('escalation.done') : errorText(result.error), !result.ok);
    if (result.ok) close();
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
        <button type="submit" data-testid="escalate-send" disabled={busy || (reason === 'other' && !note.trim())}>
          {t('escalation.send')}
        </button>
      </form>
    </div>
  );
}
