// react-i18next setup: one namespace per feature folder plus `common`, zh-CN by default, English selectable.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../src-shared/common/labels';
import { useLanguageStore } from '../state/language-store';

type Messages = Record<string, unknown>;

// Feature locales: features/<f>/locales/<lang>.json → namespace <f>.
const featureFiles = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' });
// Shared strings: i18n/locales/<lang>/common.json → namespace common.
const commonFiles = import.meta.glob<Messages>('./locales/*/common.json', { eager: true, import: 'default' });

export const namespaces: string[] = ['common'];

function buildResources(): Record<Locale, Record<string, Messages>> {
  const resources: Record<Locale, Record<string, Messages>> = { 'zh-CN': {}, en: {} };
  for (const [path, messages] of Object.entries(commonFiles)) {
    const lang = /\.\/locales\/([^/]+)\/common\.json$/.exec(path)?.[1];
    if (lang === 'zh-CN' || lang === 'en') resources[lang].common = messages;
  }
  for (const [path, messages] of Object.entries(featureFiles)) {
    const match = /\.\.\/features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
    const feature = match?.[1];
    const lang = match?.[2];
    if (!feature || (lang !== 'zh-CN' && lang !== 'en')) continue;
    resources[lang][feature] = messages;
    if (!namespaces.includes(feature)) namespaces.push(feature);
  }
  return resources;
}

function applyDayjsLocale(language: Locale): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

const initialLanguage = useLanguageStore.getState().language;

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: initialLanguage,
  fallbackLng: 'zh-CN',
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
applyDayjsLocale(initialLanguage);
document.documentElement.lang = initialLanguage;

// The language store is the one source; i18next, dayjs and <html lang> follow it.
useLanguageStore.subscribe((state) => {
  if (i18n.language !== state.language) {
    void i18n.changeLanguage(state.language);
    applyDayjsLocale(state.language);
    document.documentElement.lang = state.language;
  }
});

/** The current language as a domain Locale (for labelOf and the format helpers). */
export function useLocale(): Locale {
  const language = useLanguageStore((state) => state.language);
  // Subscribing to the translation hook re-renders on language change as well.
  useTranslation();
  return language;
}

export default i18n;
