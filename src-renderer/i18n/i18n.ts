import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

const STORAGE_KEY = 'workstation.language';

/** Saved choice first, then the system language (zh-HK/zh-MO/zh-Hant read Traditional). */
export function pickLanguage(saved: string | null, system: readonly string[]): Language {
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  for (const tag of system) {
    const lower = tag.toLowerCase();
    if (/^zh-(tw|hk|mo)|^zh-hant/.test(lower)) return 'zh-TW';
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export async function initI18n(storage: Pick<Storage, 'getItem'>, system: readonly string[]): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(resources).map(([lng, tr]) => [lng, { translation: tr }])),
    lng: pickLanguage(storage.getItem(STORAGE_KEY), system),
    fallbackLng: 'en',
    // React escapes text itself; i18next must not double-escape customer names in interpolations.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export function rememberLanguage(storage: Pick<Storage, 'setItem'>, language: Language): void {
  storage.setItem(STORAGE_KEY, language);
}
