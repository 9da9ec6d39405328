import { useTranslation } from 'react-i18next';
import { useInbox } from '../../app/services.js';
import { SHORTCUTS } from './keymap.js';

export function HelpOverlay() {
  const { t } = useTranslation();
  const open = useInbox((s) => s.overlay === 'help');
  const setOverlay = useInbox((s) => s.setOverlay);
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help-overlay" onClick={() => setOverlay(null)}>
      <div className="overlay-panel" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('shortcuts.title')}</h2>
        <dl className="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.action}>
              <dt>
                {s.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </dt>
              <dd>{t(s.label ?? `shortcuts.action.${s.action}`)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={() => setOverlay(null)}>
          {t('shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
