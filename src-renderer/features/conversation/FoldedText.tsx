import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Long enough for any chat line; longer texts (a forwarded email) start folded. */
export const FOLD_AT = 2_000;

export function FoldedText({ text }: { text: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const long = text.length > FOLD_AT;
  return (
    <>
      <p className="message-text">{long && !open ? `${text.slice(0, FOLD_AT)}…` : text}</p>
      {long && (
        <button type="button" className="link-button" data-testid="show-all" onClick={() => setOpen(!open)}>
          {open ? t('conversation.showLess') : t('conversation.showAll', { count: text.length })}
        </button>
      )}
    </>
  );
}
