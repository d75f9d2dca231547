/**
 * The app's two languages, Chinese first (lib/translator.ts does the lookups). The owner's choice
 * is remembered in localStorage and mirrored on <html lang>. Chinese is bundled, so for most owners
 * the first paint is already in their language; English is a chunk of its own, loaded when it is
 * chosen or remembered, and useTranslation (lib/i18n-react.tsx) holds the screen until it is
 * there. That keeps it out of the first load.
 * The Chinese bundled is only what the first screen and the shell draw (locales/zh-cn.ts); the
 * other owner screens' Chinese comes with them (loadScreenMessages below).
 */
import { zhCN } from './locales/zh-cn'
import { STORAGE_KEY_LANGUAGE, readPreference, writePreference } from './preferences'
import { Translator, type MessageTree } from './translator'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

/** Each language named in itself, so an owner finds theirs whatever is on screen. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' }

// The messages' type for t('…') (every feature's keys) is declared in app/i18n-messages.ts.

export type I18n = Translator<Language>

/**
 * Messages a lazily loaded part of the app brings with it, per language (same namespace). A
 * language may be left out when its own chunk already holds them (English, for the owner's screens).
 */
export type MessageBundle = Partial<Record<Language, MessageTree>>

const addedBundles: MessageBundle[] = []
const instances = new Set<I18n>()

function addBundle(instance: I18n, bundle: MessageBundle): void {
  for (const language of LANGUAGES) {
    // A language not loaded yet gets these merged in when it loads (Translator.addMessages).
    const messages = bundle[language]
    if (messages) instance.addMessages(language, messages)
  }
}

/**
 * Adds a lazily loaded part's messages (the staff console's) to every translator, and to
 * those created later: the part's chunk calls it when it loads, so its strings stay out of the
 * owner's first load.
 */
export function addMessages(bundle: MessageBundle): void {
  if (addedBundles.includes(bundle)) return
  addedBundles.push(bundle)
  instances.forEach((instance) => addBundle(instance, bundle))
}

let screenMessages: Promise<void> | undefined

/**
 * Adds the Chinese of every owner screen but home and the shell (locales/zh-cn-screens.ts, a chunk
 * of its own): the router's lazy screens, the outbox's status and live ticket updates wait for it
 * beside their own code. Once loaded it stays; a failed load (offline, no service worker) is tried
 * again by the next caller, as a screen's own chunk is.
 */
export function loadScreenMessages(): Promise<void> {
  screenMessages ??= import('./locales/zh-cn-screens').then(
    ({ zhCNScreens }) => addMessages({ 'zh-CN': zhCNScreens }),
    (error: unknown) => {
      screenMessages = undefined
      throw error
    },
  )
  return screenMessages
}

export function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((language) => language === value)
}

export function storedLanguage(): Language {
  const stored = readPreference(STORAGE_KEY_LANGUAGE)
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE
}

/**
 * Loads a language that is not bundled (English). What lazily loaded parts (the console) brought
 * for it was added to each translator already, and is merged in as it loads.
 */
async function loadLanguage(language: Language): Promise<MessageTree> {
  if (language !== 'en') throw new Error(`no messages for ${language}`)
  const module = await import('./locales/en')
  return module.en
}

/** A translator in the remembered language; later changes are remembered too. */
export function createI18n(): I18n {
  const instance = new Translator<Language>({
    language: storedLanguage(),
    fallbackLanguage: DEFAULT_LANGUAGE,
    resources: { [DEFAULT_LANGUAGE]: zhCN },
    load: loadLanguage,
  })
  addedBundles.forEach((bundle) => addBundle(instance, bundle))
  instances.add(instance)
  document.documentElement.lang = instance.language
  instance.subscribe(() => {
    document.documentElement.lang = instance.language
    writePreference(STORAGE_KEY_LANGUAGE, instance.language)
  })
  return instance
}
