import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../src-shared/index.js';
import { useServices } from '../../app/services.js';
import { useErrorText } from '../../app/useErrorText.js';

export function AddAccountForm() {
  const { t } = useTranslation();
  const { bridge, accounts } = useServices();
  const errorText = useErrorText();
  const [hubUrl, setHubUrl] = useState('http://127.0.0.1:4600');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await bridge.accounts.add({ hubUrl: hubUrl.trim(), token: token.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    accounts.getState().upsert(result.value);
    setToken('');
  };

  return (
    <form className="add-account" onSubmit={submit}>
      <label>
        {t('accounts.hubUrl')}
        <input data-testid="add-account-hub-url" value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} required />
      </label>
      <label>
        {t('accounts.token')}
        <input
          data-testid="add-account-token"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="ws1.…"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <small>{t('accounts.tokenHint')}</small>
      </label>
      {error && (
        <p role="alert" className="form-error" data-testid="add-account-error">
          {errorText(error)}
        </p>
      )}
      <button type="submit" data-testid="add-account-submit" disabled={busy}>
        {busy ? t('accounts.adding') : t('accounts.add')}
      </button>
    </form>
  );
}
