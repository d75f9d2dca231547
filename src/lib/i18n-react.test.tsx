import { act, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { describe, expect, it } from 'vitest'
import { createI18n } from './i18n'
import { I18nProvider, useTranslation } from './i18n-react'
import { STORAGE_KEY_LANGUAGE, writePreference } from './preferences'

function Title() {
  const { t } = useTranslation()
  return <h1>{t('home.title')}</h1>
}

function renderTitle(i18n = createI18n()) {
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

  it('says what is missing when no provider is above it', () => {
    expect(() => render(<Title />)).toThrow(/I18nProvider/)
  })
})
