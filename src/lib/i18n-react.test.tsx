import { act, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createI18n, type I18n } from './i18n'
import { I18nProvider, useTranslation } from './i18n-react'
import { STORAGE_KEY_LANGUAGE, writePreference } from './preferences'
import { Translator, type MessageTree } from './translator'

type Lang = 'zh-CN' | 'en'

function Title() {
  const { t } = useTranslation()
  return <h1>{t('home.title')}</h1>
}

function renderTitle(i18n: I18n = createI18n()) {
  render(
    <I18nProvider i18n={i18n}>
      <Suspense fallback={<p>loading</p>}>
        <Title />
      </Suspense>
    </I18nProvider>,
  )
  return i18n
}

describe('useTranslation', () => {
  it('draws again in the new language when the owner changes it', async () => {
    const i18n = renderTitle()
    expect(screen.getByRole('heading')).toHaveTextContent('反映问题')
    await act(() => i18n.changeLanguage('en'))
    expect(screen.getByRole('heading')).toHaveTextContent('Report a problem')
    expect(document.documentElement.lang).toBe('en')
  })

  it('holds the screen while a remembered English loads, then draws it in English', async () => {
    writePreference(STORAGE_KEY_LANGUAGE, 'en')
    renderTitle()
    expect(screen.getByText('loading')).toBeInTheDocument()
    expect(await screen.findByRole('heading')).toHaveTextContent('Report a problem')
  })

  it('draws English once it comes in on a second try, after a failed first load', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const load = vi
      .fn<(language: Lang) => Promise<MessageTree>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ home: { title: 'Report a problem' } })
    const i18n = new Translator<Lang>({
      language: 'en',
      fallbackLanguage: 'zh-CN',
      resources: { 'zh-CN': { home: { title: '反映问题' } } },
      load,
    })
    renderTitle(i18n)
    expect(await screen.findByRole('heading')).toHaveTextContent('反映问题')
    await act(() => i18n.changeLanguage('en'))
    expect(screen.getByRole('heading')).toHaveTextContent('Report a problem')
  })

  it('says what is missing when no provider is above it', () => {
    expect(() => render(<Title />)).toThrow(/I18nProvider/)
  })
})
