import { useTranslation } from 'react-i18next';
import './rewrite.css';
import { useErrorText } from '../../app/useErrorText.js';
import type { RewriteView } from './useRewrite.js';

interface Props {
  view: RewriteView;
  /** The local suggestion it rewrites, shown beside it. */
  local: string;
  onInsert: (text: string) => void;
  onClose: () => void;
}

/** The provider's rewrite beside the local answer: the agent picks; nothing is replaced by itself. */
export function RewritePanel({ view, local, onInsert, onClose }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="rewrite-panel" data-testid="rewrite-panel" aria-live="polite">
      <p className="rewrite-local muted">{local}</p>
      {view.status === 'working' && <p className="muted">{t('rewrite.working')}</p>}
      {view.status === 'failed' && (
        <p role="alert" className="banner banner-warn" data-testid="rewrite-error">
          {t('rewrite.failed', { message: errorText(view.error) })}
        </p>
      )}
      {view.status === 'done' && (
        <>
          <p className="muted">{t('rewrite.result', { model: view.model })}</p>
          <p className="rewrite-text" data-testid="rewrite-text">{view.text}</p>
          <button type="button" data-testid="rewrite-insert" onClick={() => onInsert(view.text)}>
            {t('rewrite.use')}
          </button>
        </>
      )}
      <button type="button" className="link-button" onClick={onClose}>
        {t('rewrite.dismiss')}
      </button>
    </div>
  );
}
