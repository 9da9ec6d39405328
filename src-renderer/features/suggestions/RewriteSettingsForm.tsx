import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './rewrite.css';
import { useStore } from 'zustand';
import { RewriteSettingsInput, describeZodError } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';
import { rewriteStore } from './rewriteStore.js';

/**
 * The optional rewrite's endpoint (off by default). The key field is write-only: main
 * keeps the key in its vault and only says whether one is stored.
 */
export function RewriteSettingsForm() {
  const { t } = useTranslation();
  const { bridge } = useServices();
  const errorText = useErrorText();
  const settings = useStore(rewriteStore, (s) => s.settings);
  const [enabled, setEnabled] = useState(false);
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => void rewriteStore.getState().load(bridge), [bridge]);
  useEffect(() => {
    if (!settings) return;
    setEnabled(settings.enabled);
    setBaseUrl(settings.baseUrl);
    setModel(settings.model);
  }, [settings]);

  const save = async (forget: boolean) => {
    const input = RewriteSettingsInput.safeParse({ enabled: forget ? false : enabled, baseUrl, model, ...(forget ? { apiKey: '' } : apiKey ? { apiKey } : {}) });
    if (!input.success) return setNote({ text: describeZodError(input.error), error: true });
    const error = await rewriteStore.getState().save(bridge, input.data);
    setApiKey('');
    setNote(error ? { text: errorText(error), error: true } : { text: t('rewrite.saved'), error: false });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  return (
    <form className="rewrite-settings" data-testid="rewrite-settings" onSubmit={onSubmit}>
      <h3>{t('rewrite.settingsTitle')}</h3>
      <p className="muted">{t('rewrite.settingsHint')}</p>
      <label>
        <input type="checkbox" data-testid="rewrite-enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('rewrite.enabled')}
      </label>
      <label>
        {t('rewrite.baseUrl')}
        <input data-testid="rewrite-base-url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="http://127.0.0.1:11434/v1" />
      </label>
      <label>
        {t('rewrite.model')}
        <input data-testid="rewrite-model" value={model} onChange={(e) => setModel(e.target.value)} />
      </label>
      <label>
        {t('rewrite.apiKey')}
        <input data-testid="rewrite-api-key" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
      </label>
      {settings?.hasKey && <p className="muted">{t('rewrite.apiKeyKept')}</p>}
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'banner banner-warn' : 'muted'} data-testid="rewrite-settings-note">
          {note.text}
        </p>
      )}
      <div className="rewrite-settings-actions">
        <button type="submit" data-testid="rewrite-save">
          {t('rewrite.save')}
        </button>
        <button type="button" className="link-button" onClick={() => void save(true)}>
          {t('rewrite.forget')}
        </button>
      </div>
    </form>
  );
}
