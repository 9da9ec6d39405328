import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { channelTakesImages, imageOnlyText, MessageText } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { enqueueReply } from '../../db/outbox.js';
import type { CachedConversation } from '../../db/schema.js';
import { newClientId } from './newClientId.js';
import { isSend, sendKeyStore } from './sendKey.js';
import { SuggestionBar } from '../suggestions/index.js';
import { useSuggestionFeedback } from '../feedback/index.js';
import { AttachImageButton, ComposerImages, imageFilesOf, useComposerImages } from '../attachments/index.js';
import { CannedMenu } from './CannedMenu.js';
import { useCanned } from './useCanned.js';
import { useDraft } from './useDraft.js';
import { useSendGuard } from './useSendGuard.js';

/**
 * Every reply goes to the outbox first (with its client id) and leaves from there:
 * online it is sent at once, offline it waits and is replayed in order.
 */
interface Props {
  conversation: CachedConversation;
  online: boolean;
  myId: string | null;
}

export function Composer({ conversation, online, myId }: Props) {
  const { t } = useTranslation();
  const { db, outbox, inbox } = useServices();
  const [text, setText] = useDraft(db, conversation.id);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const sendKey = useStore(sendKeyStore, (s) => s.sendKey);
  const guard = useSendGuard(db, conversation.id, myId);
  const canned = useCanned(conversation.accountId, text);
  const feedback = useSuggestionFeedback(conversation, myId);
  const images = useComposerImages();
  const takesImages = channelTakesImages(conversation.channel);
  const withImages = mode === 'reply' && images.images.length > 0;
  const edit = (next: string) => {
    setText(next);
    guard.typed(next);
  };
  const insert = (body: string) => {
    edit(body);
    document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]')?.focus();
  };

  /** A pasted image joins the reply, or says why it cannot (a text-only channel, a note). */
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = imageFilesOf(e.clipboardData);
    if (files.length === 0) return;
    e.preventDefault();
    if (!takesImages) return inbox.getState().notify(t('attachments.notTaken'), true);
    if (mode === 'note') return inbox.getState().notify(t('attachments.notesTextOnly'), true);
    void images.add(files);
  };

  const send = async () => {
    // Only images: the text names them, for previews, search and text-only readers (bubbles hide it).
    const draft = withImages && !text.trim() ? imageOnlyText(images.images.map((image) => image.name)) : text;
    const body = MessageText.safeParse(draft);
    if (!body.success || busy) return;
    setBusy(true);
    // Notes are for the team: nothing to hold them back for.
    if (mode === 'reply' && !(await guard.allow())) return setBusy(false);
    try {
      await enqueueReply(
        db,
        {
          clientId: newClientId(),
          accountId: conversation.accountId,
          conversationId: conversation.id,
          text: body.data,
          kind: mode,
          ...(withImages ? { images: images.forOutbox() } : {}),
        },
        Date.now(),
      );
    } catch (e) {
      // Not even written locally (e.g. storage full): the text stays in the box, nothing is lost.
      inbox.getState().notify(t('error.internal', { message: e instanceof Error ? e.message : String(e) }), true);
      return setBusy(false);
    }
    setText('');
    if (withImages) images.clear();
    if (mode === 'reply') feedback.sent(body.data);
    guard.sent();
    setBusy(false);
    void outbox.kick();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // IME composition (pinyin, zhuyin) uses Enter to pick characters: never act then.
    if (e.nativeEvent.isComposing) return;
    if (canned.open) {
      const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
      if (step) return void (e.preventDefault(), canned.move(step));
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const pick = canned.picked();
        if (pick) insert(pick.body);
        return;
      }
      if (e.key === 'Escape') return void (e.preventDefault(), edit(text.slice(1)));
    }
    if (isSend(e, sendKey)) {
      e.preventDefault();
      void send();
    }
  };

  if (conversation.status === 'resolved') return <p className="muted composer-note">{t('composer.disabledResolved')}</p>;
  return (
    <div className={`composer${mode === 'note' ? ' composer-note-mode' : ''}`}>
      <div className="composer-modes" role="tablist">
        {(['reply', 'note'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} data-testid={`composer-mode-${m}`} onClick={() => setMode(m)}>
            {t(m === 'reply' ? 'composer.modeReply' : 'composer.modeNote')}
          </button>
        ))}
      </div>
      {!online && <p className="banner banner-warn">{t('composer.offline')}</p>}
      {guard.held > 0 && (
        <p role="alert" className="banner banner-warn" data-testid="send-guard">
          {t('composer.guard', { count: guard.held })}
        </p>
      )}
      {mode === 'reply' && <SuggestionBar conversation={conversation} onInsert={insert} feedback={feedback} />}
      {canned.open && <CannedMenu items={canned.items} active={canned.active} query={canned.query} onPick={(c) => insert(c.body)} />}
      {mode === 'reply' && <ComposerImages images={images.images} onRemove={images.remove} />}
      <textarea
        data-testid="composer-input"
        value={text}
        onChange={(e) => edit(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        placeholder={t(mode === 'note' ? 'composer.notePlaceholder' : sendKey === 'enter' ? 'composer.placeholder' : 'composer.placeholderMod')}
        rows={3}
      />
      <div className="composer-footer">
        <select
          aria-label={t('composer.sendKeyEnter')}
          data-testid="send-key"
          value={sendKey}
          onChange={(e) => sendKeyStore.getState().set(e.target.value as typeof sendKey)}
        >
          <option value="enter">{t('composer.sendKeyEnter')}</option>
          <option value="mod-enter">{t('composer.sendKeyMod')}</option>
        </select>
        {takesImages && mode === 'reply' && <AttachImageButton disabled={busy} onFiles={(files) => void images.add(files)} />}
      <button type="button" data-testid="composer-send" disabled={busy || (!text.trim() && !withImages)} onClick={() => void send()}>
        {guard.held > 0 ? t('composer.sendAnyway') : t('composer.send')}
      </button>
      </div>
    </div>
  );
}
