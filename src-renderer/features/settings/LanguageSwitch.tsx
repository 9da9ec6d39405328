import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage, type Language } from '../../i18n/i18n.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = (language: Language) => {
    rememberLanguage(localStorage, language);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  };
  return (
    <label className="language-switch">
      <span className="sr-only">{t('language.label')}</span>
      <select
        data-testid="language-select"
        aria-label={t('language.label')}
        value={i18n.language}
        onChange={(e) => change(e.target.value as Language)}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
