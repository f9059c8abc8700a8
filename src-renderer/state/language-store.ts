// The UI language (zh-CN by default, English selectable in 设置), remembered on this PC.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Locale } from '../../src-shared/common/labels';

export const supportedLanguages: readonly Locale[] = ['zh-CN', 'en'];

interface LanguageState {
  language: Locale;
  setLanguage: (language: Locale) => void;
}

export const useLanguageStore = create<LanguageState>()(
  persist(
    (set) => ({
      language: 'zh-CN',
      setLanguage: (language) => set({ language: supportedLanguages.includes(language) ? language : 'zh-CN' }),
    }),
    { name: 'liaison.language' },
  ),
);

/** The current language outside React (labels in non-component code). */
export function currentLanguage(): Locale {
  return useLanguageStore.getState().language;
}
