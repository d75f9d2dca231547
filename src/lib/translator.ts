/**
 * The app's message lookup: what the screens used of i18next, in a few hundred bytes instead of
 * 15 KB gzip (plus react-i18next's 2.5 KB) in every first load (issue 20: the owner's first load
 * was 125 KB against 120, and the libraries alone were 115).
 *
 * - Keys are dotted paths into nested messages (`home.title`).
 * - `{{name}}` takes the option of that name, unescaped (React escapes what it draws).
 * - With a numeric `count`, the key's plural form for the language comes first (`left_one`,
 *   `left_other`: Intl.PluralRules' categories, as i18next's JSON v4 names them).
 * - A key the language lacks falls back to Chinese, then to the key itself.
 * - A language that is not bundled is loaded by `load` when chosen; until it is in, `ready`
 *   says no and the React binding waits (lib/i18n-react.tsx).
 *
 * What i18next did that nothing here used is left out: namespaces, nesting (`$t()`), formatters,
 * context, returned objects.
 */

/**
 * Every message's type, declared by the app (app/i18n-messages.ts), so t('…') accepts only keys
 * that exist (types only).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface TranslatorResources {}

type MessagesOf<R> = R extends { translation: infer M } ? M : Record<string, unknown>
export type Messages = MessagesOf<TranslatorResources>

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralCategory}` ? Base : K

/** A message's key: a leaf's path, a counted message by its name without the plural suffix. */
export type MessageKey = WithoutPlural<Leaves<Messages>>

export interface TranslateOptions {
  /** Picks the plural form and fills `{{count}}`. */
  count?: number
  /** What to say when no language has the key (a status the server added later, say). */
  defaultValue?: string
  [value: string]: unknown
}

export interface TFunction {
  (key: MessageKey, options?: TranslateOptions): string
  /** A key made at run time, from data: only with what to say when it is not there. */
  (key: string, options: TranslateOptions & { defaultValue: string }): string
}

export type MessageTree = { [key: string]: string | MessageTree }

interface TranslatorOptions<L extends string> {
  language: L
  fallbackLanguage: L
  /** The messages bundled with the code, per language. */
  resources: Partial<Record<L, MessageTree>>
  /** Loads a language that was not bundled; its messages are merged under what is there. */
  load?: (language: L) => Promise<MessageTree>
}

const isTree = (value: unknown): value is MessageTree =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Copies `source` into `target`, deeply; keys already in `target` are kept unless `overwrite`. */
function merge(target: MessageTree, source: MessageTree, overwrite: boolean): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key]
    if (isTree(value)) {
      if (isTree(current)) merge(current, value, overwrite)
      else if (current === undefined || overwrite) target[key] = structuredClone(value)
    } else if (current === undefined || overwrite) {
      target[key] = value
    }
  }
}

function lookup(tree: MessageTree | undefined, key: string): string | undefined {
  let node: string | MessageTree | undefined = tree
  for (const part of key.split('.')) {
    if (!isTree(node)) return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g

function interpolate(message: string, options: TranslateOptions | undefined): string {
  if (!options || !message.includes('{{')) return message
  return message.replace(PLACEHOLDER, (whole: string, name: string) => {
    // Not passed at all: left as written, so the slip shows (as i18next did); passed empty: ''.
    if (!(name in options)) return whole
    const value = options[name]
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    return value === undefined || value === null ? '' : (JSON.stringify(value) ?? '')
  })
}

export class Translator<L extends string = string> {
  language: L
  readonly fallbackLanguage: L
  /**
   * Goes up whenever what `t` says may have changed (a language switched, or came in after a
   * failed load): the React binding's snapshot, so a screen draws again even when `language` is
   * what it was.
   */
  version = 0
  private readonly store = new Map<L, MessageTree>()
  private readonly loading = new Map<L, Promise<void>>()
  /** Languages whose last load failed: drawn in the fallback until a change of language retries. */
  private readonly failed = new Set<L>()
  /** Messages added to a language before it is in: merged in when it loads. */
  private readonly addedBeforeLoad = new Map<L, MessageTree[]>()
  /** The language asked for last: a slower load of an earlier choice does not override it. */
  private requested: L
  private readonly listeners = new Set<() => void>()
  private readonly pluralRules = new Map<L, Intl.PluralRules>()
  private readonly load: ((language: L) => Promise<MessageTree>) | undefined

  constructor({ language, fallbackLanguage, resources, load }: TranslatorOptions<L>) {
    this.fallbackLanguage = fallbackLanguage
    this.load = load
    for (const [lang, messages] of Object.entries(resources) as [L, MessageTree | undefined][])
      if (messages) this.store.set(lang, structuredClone(messages))
    this.language = language
    this.requested = language
    if (!this.store.has(language)) void this.loadLanguage(language)
  }

  /** The message for `key` in the current language (bound: it may be passed around). */
  readonly t: TFunction = (key: string, options?: TranslateOptions) =>
    this.translate(this.language, key, options)

  /** `t` in `language`, whatever the current language becomes. */
  fixedT(language: L): TFunction {
    return (key: string, options?: TranslateOptions) => this.translate(language, key, options)
  }

  /** Whether `language` can be drawn: its messages are in, or failed to load (the fallback's). */
  isReady(language: L = this.language): boolean {
    return this.store.has(language) || this.failed.has(language)
  }

  /** Settles once the current language's messages are in (or failed to load). */
  whenReady(): Promise<void> {
    return this.loading.get(this.language) ?? Promise.resolve()
  }

  /**
   * Loads `language` if it is not in, then makes it current and tells the subscribers (also when
   * it was current already: the choice is remembered again, as another tab may have changed it).
   * If another language is asked for while this one loads, the later choice wins.
   */
  async changeLanguage(language: L): Promise<void> {
    this.requested = language
    await this.loadLanguage(language)
    if (this.requested !== language) return
    this.language = language
    this.emit()
  }

  /** Whether the current language or the fallback has `key` (no plural forms). */
  exists(key: string): boolean {
    return (
      lookup(this.store.get(this.language), key) !== undefined ||
      lookup(this.store.get(this.fallbackLanguage), key) !== undefined
    )
  }

  /** `key`'s message in `language` exactly: no fallback, no interpolation. */
  getResource(language: L, key: string): string | undefined {
    return lookup(this.store.get(language), key)
  }

  /**
   * Adds messages to a language (keys there are kept unless `overwrite`). For a language not in
   * yet they are kept aside and merged into its messages when they load: adding them to the store
   * now would make the language look loaded.
   */
  addMessages(language: L, messages: MessageTree, overwrite = false): void {
    const tree = this.store.get(language)
    if (tree) merge(tree, messages, overwrite)
    else
      this.addedBeforeLoad.set(language, [...(this.addedBeforeLoad.get(language) ?? []), messages])
  }

  /** Calls `listener` after each change of language; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    this.version += 1
    this.listeners.forEach((listener) => listener())
  }

  private loadLanguage(language: L): Promise<void> {
    if (this.store.has(language)) return Promise.resolve()
    const pending = this.loading.get(language)
    if (pending) return pending
    const { load } = this
    const done = (load ? load(language) : Promise.reject(new Error(`no messages for ${language}`)))
      .then(
        (messages) => {
          const tree = structuredClone(messages)
          for (const added of this.addedBeforeLoad.get(language) ?? []) merge(tree, added, false)
          this.addedBeforeLoad.delete(language)
          this.store.set(language, tree)
          this.failed.delete(language)
        },
        (error: unknown) => {
          // Offline without the service worker, say: the screens fall back to Chinese for now,
          // and the next change of language tries again (showing the fallback meanwhile, rather
          // than suspending).
          this.failed.add(language)
          console.warn(`messages for ${language} failed to load`, error)
        },
      )
      .finally(() => {
        this.loading.delete(language)
        // A screen waiting for this language draws again (in it, or in the fallback).
        if (language === this.language) this.emit()
      })
    this.loading.set(language, done)
    return done
  }

  private translate(language: L, key: string, options: TranslateOptions | undefined): string {
    const count = options?.count
    for (const lang of language === this.fallbackLanguage
      ? [language]
      : [language, this.fallbackLanguage]) {
      const tree = this.store.get(lang)
      if (!tree) continue
      if (typeof count === 'number') {
        const form =
          lookup(tree, `${key}_${this.pluralRule(lang, count)}`) ?? lookup(tree, `${key}_other`)
        if (form !== undefined) return interpolate(form, options)
      }
      const message = lookup(tree, key)
      if (message !== undefined) return interpolate(message, options)
    }
    return options?.defaultValue === undefined ? key : interpolate(options.defaultValue, options)
  }

  private pluralRule(language: L, count: number): Intl.LDMLPluralRule {
    let rules = this.pluralRules.get(language)
    if (!rules) {
      rules = new Intl.PluralRules(language)
      this.pluralRules.set(language, rules)
    }
    return rules.select(count)
  }
}
