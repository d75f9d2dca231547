import { describe, expect, it, vi } from 'vitest'
import { Translator, type MessageTree } from './translator'

type Lang = 'zh-CN' | 'en'

const zh = {
  home: { title: '反映问题', greet: '{{name}}，您好' },
  tickets: { left_other: '剩 {{count}} 个工作日', onlyZh: '只有中文' },
}
const en = {
  home: { title: 'Report a problem', greet: 'Hello, {{ name }}' },
  tickets: { left_one: '{{count}} working day left', left_other: '{{count}} working days left' },
}

function translator(
  load: (language: Lang) => Promise<MessageTree> = () => Promise.resolve(en),
  language: Lang = 'zh-CN',
) {
  return new Translator<Lang>({
    language,
    fallbackLanguage: 'zh-CN',
    resources: { 'zh-CN': zh },
    load,
  })
}

// The keys below are the test's own messages, not the app's: cast through string.
const key = (k: string) => k as never

describe('Translator', () => {
  it('finds nested keys and fills placeholders, spaces inside the braces or not', async () => {
    const i18n = translator()
    expect(i18n.t(key('home.title'))).toBe('反映问题')
    expect(i18n.t(key('home.greet'), { name: '李老板' })).toBe('李老板，您好')
    await i18n.changeLanguage('en')
    expect(i18n.t(key('home.greet'), { name: 'Ms Li' })).toBe('Hello, Ms Li')
  })

  it('leaves a placeholder passed empty blank, and one not passed as written, so the slip shows', () => {
    expect(translator().t(key('home.greet'), { name: undefined })).toBe('，您好')
    expect(translator().t(key('home.greet'), { other: 1 })).toBe('{{name}}，您好')
    expect(translator().t(key('home.greet'))).toBe('{{name}}，您好')
  })

  it('picks the plural form by the language’s rules, and Chinese’s one form for every number', async () => {
    const i18n = translator()
    expect(i18n.t(key('tickets.left'), { count: 1 })).toBe('剩 1 个工作日')
    expect(i18n.t(key('tickets.left'), { count: 5 })).toBe('剩 5 个工作日')
    await i18n.changeLanguage('en')
    expect(i18n.t(key('tickets.left'), { count: 1 })).toBe('1 working day left')
    expect(i18n.t(key('tickets.left'), { count: 0 })).toBe('0 working days left')
    expect(i18n.t(key('tickets.left'), { count: 2 })).toBe('2 working days left')
  })

  it('falls back to Chinese for a key English lacks, then to defaultValue, then to the key', async () => {
    const i18n = translator()
    await i18n.changeLanguage('en')
    expect(i18n.t(key('tickets.onlyZh'))).toBe('只有中文')
    expect(i18n.t('tickets.statuses.new', { defaultValue: '{{s}}!', s: 'new' })).toBe('new!')
    expect(i18n.t(key('nowhere.at.all'))).toBe('nowhere.at.all')
    // A branch is not a message.
    expect(i18n.t(key('home'))).toBe('home')
  })

  it('loads a language once when it is chosen, and tells subscribers after it is in', async () => {
    const load = vi.fn(() => Promise.resolve(en))
    const i18n = translator(load)
    const seen: string[] = []
    i18n.subscribe(() => seen.push(`${i18n.language}:${i18n.t(key('home.title'))}`))
    expect(i18n.isReady('en')).toBe(false)
    const first = i18n.changeLanguage('en')
    const second = i18n.changeLanguage('en')
    // Until it is in, the screen stays in the language it was in.
    expect(i18n.language).toBe('zh-CN')
    await Promise.all([first, second])
    expect(load).toHaveBeenCalledTimes(1)
    // Each choice is told of (two taps, two notices), both after English is in.
    expect(seen).toEqual(['en:Report a problem', 'en:Report a problem'])
    seen.length = 0
    await i18n.changeLanguage('zh-CN')
    await i18n.changeLanguage('en')
    expect(load).toHaveBeenCalledTimes(1)
    expect(seen).toEqual(['zh-CN:反映问题', 'en:Report a problem'])
  })

  it('starts in a remembered language that is not bundled: not ready until it loads', async () => {
    let resolve: (messages: MessageTree) => void = () => undefined
    const i18n = translator(() => new Promise((r) => (resolve = r)), 'en')
    expect(i18n.language).toBe('en')
    expect(i18n.isReady()).toBe(false)
    const ready = i18n.whenReady()
    resolve(en)
    await ready
    expect(i18n.isReady()).toBe(true)
    expect(i18n.t(key('home.title'))).toBe('Report a problem')
  })

  it('draws in Chinese when a language fails to load, and tries again on the next change', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const load = vi
      .fn<(language: Lang) => Promise<MessageTree>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(en)
    const i18n = translator(load, 'en')
    await i18n.whenReady()
    expect(i18n.isReady()).toBe(true)
    expect(i18n.t(key('home.title'))).toBe('反映问题')
    const before = i18n.version
    const retry = i18n.changeLanguage('en')
    // While it tries again, the screens keep drawing (in Chinese) rather than waiting.
    expect(i18n.isReady()).toBe(true)
    await retry
    expect(load).toHaveBeenCalledTimes(2)
    expect(i18n.t(key('home.title'))).toBe('Report a problem')
    // The language is still 'en': the version is what tells a screen to draw again.
    expect(i18n.version).toBeGreaterThan(before)
  })

  it('adds messages under those there, to a language that is in only, and never into the bundle', async () => {
    const i18n = translator()
    i18n.addMessages('zh-CN', { home: { title: '别的', extra: '追加' } })
    expect(i18n.t(key('home.title'))).toBe('反映问题')
    expect(i18n.t(key('home.extra'))).toBe('追加')
    i18n.addMessages('zh-CN', { home: { title: '覆盖' } }, true)
    expect(i18n.getResource('zh-CN', 'home.title')).toBe('覆盖')
    // The module's object is untouched: another instance starts from the bundle as shipped.
    expect(zh.home.title).toBe('反映问题')
    expect(translator().exists('home.extra')).toBe(false)
    // English is not in yet: what is added to it waits for it, and does not make it look loaded.
    i18n.addMessages('en', { home: { extra: 'Extra', title: 'Not this' } })
    expect(i18n.getResource('en', 'home.extra')).toBeUndefined()
    expect(i18n.isReady('en')).toBe(false)
    await i18n.changeLanguage('en')
    expect(i18n.t(key('home.extra'))).toBe('Extra')
    expect(i18n.t(key('home.title'))).toBe('Report a problem')
  })

  it('keeps messages added while a language is on its way', async () => {
    let resolve: (messages: MessageTree) => void = () => undefined
    const i18n = translator(() => new Promise((r) => (resolve = r)))
    const switching = i18n.changeLanguage('en')
    i18n.addMessages('en', { staff: { queue: 'My queue' } })
    resolve(en)
    await switching
    expect(i18n.t(key('staff.queue'))).toBe('My queue')
  })

  it('lets the later choice win when an earlier one’s language comes in after it', async () => {
    let resolve: (messages: MessageTree) => void = () => undefined
    const i18n = translator(() => new Promise((r) => (resolve = r)))
    const english = i18n.changeLanguage('en')
    await i18n.changeLanguage('zh-CN')
    resolve(en)
    await english
    expect(i18n.language).toBe('zh-CN')
    // English is in now, for when it is chosen again.
    expect(i18n.isReady('en')).toBe(true)
  })

  it('tells subscribers when the current language is chosen again (so the choice is saved again)', async () => {
    const i18n = translator()
    const listener = vi.fn()
    i18n.subscribe(listener)
    await i18n.changeLanguage('zh-CN')
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('gives a bound t, and a fixed t that keeps its language when the current one changes', async () => {
    const i18n = translator()
    const { t } = i18n
    const chinese = i18n.fixedT('zh-CN')
    await i18n.changeLanguage('en')
    expect(t(key('home.title'))).toBe('Report a problem')
    expect(chinese(key('home.title'))).toBe('反映问题')
  })
})
