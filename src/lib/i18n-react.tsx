/**
 * The translator in React (what react-i18next did here): `I18nProvider` gives the app its
 * instance, `useTranslation` returns `t` in the current language and draws again when it changes.
 * A screen in a language whose messages are still loading suspends, as it did with react-i18next,
 * so the nearest Suspense boundary shows until they are in.
 */
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import type { I18n } from './i18n'
import type { TFunction } from './translator'

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
}

export function useTranslation(): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useTranslation needs an I18nProvider above it')
  // The version, not the language: English coming in after a failed load changes what `t` says
  // while the language stays 'en'.
  const version = useSyncExternalStore(
    i18n.subscribe,
    () => i18n.version,
    () => i18n.version,
  )
  const { language } = i18n
  // A new `t` for each version: effects and memos that depend on it run again.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for what t reads
  const t = useMemo(() => i18n.fixedT(language), [i18n, language, version])
  // Suspense: React draws the nearest fallback and tries again when the promise settles.
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- React's Suspense protocol
  if (!i18n.isReady(language)) throw i18n.whenReady()
  return { t, i18n }
}
