/**
 * i18next with the app's two languages, Chinese first. The owner's choice is remembered in
 * localStorage and mirrored on <html lang>. The resources are bundled (a few KB), so
 * initialisation is synchronous and the first paint is already in the chosen language.
 */
import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './locales/en'
import { zhCN } from './locales/zh-cn'
import { STORAGE_KEY_LANGUAGE, readPreference, writePreference } from './preferences'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

/** Each language named in itself, so an owner finds theirs whatever is on screen. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' }

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN }
  }
}

export function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((language) => language === value)
}

export function storedLanguage(): Language {
  const stored = readPreference(STORAGE_KEY_LANGUAGE)
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
}

/** A ready i18next instance in the remembered language; later changes are remembered too. */
export function createI18n(): I18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  document.documentElement.lang = instance.language
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language
    writePreference(STORAGE_KEY_LANGUAGE, language)
  })
  return instance
}
