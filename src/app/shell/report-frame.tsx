import { useTranslation } from '@/lib/i18n-react'
import { ScreenHeader } from '@/ui/screen-header'
import { NavBar } from './nav-bar'
import '@/ui/choice-cards.css'
import './report-frame.css'

/**
 * The categories and their handling days as the form's cards show them (the contract's
 * CATEGORIES and HANDLING_WORKING_DAYS: report-frame.test.tsx holds them equal). Written out
 * here because the contract brings zod, which the frame must not wait for.
 */
export const FRAME_CATEGORIES = [
  ['consultation', 3],
  ['help', 5],
  ['suggestion', 5],
  ['complaint', 10],
  ['report', 10],
] as const

/**
 * What a window code's link or a draft shows while the form's code loads: the nav bar, the
 * screen's title and the category cards where the form draws them. It is in the HTML the
 * server sends (report.html, prerendered at build time), so the phone paints it before any
 * script runs; React hydrates it as the router's fallback, then the form takes its place.
 * Nothing in it takes input: a field typed into before the form is there would lose the text.
 */
export function ReportFrame() {
  const { t } = useTranslation()
  return (
    <div className="gs-app">
      <NavBar />
      <main className="gs-main" aria-busy="true">
        <ScreenHeader title={t('draft.title')} />
        <div className="gs-report-frame">
          <p className="gs-report-frame__state">{t('app.loading')}</p>
          <div aria-hidden="true">
            <p className="gs-report-frame__legend">{t('draft.category')}</p>
            <div className="gs-choice-cards__list">
              {FRAME_CATEGORIES.map(([category, days]) => (
                <div key={category} className="gs-choice-card">
                  <span className="gs-report-frame__radio" />
                  <span className="gs-choice-card__text">
                    <span className="gs-choice-card__label">
                      {t(`categories.${category}.label`)}
                    </span>
                    <span className="gs-choice-card__hint">{t(`categories.${category}.hint`)}</span>
                    <span className="gs-choice-card__note">
                      {t(
                        category === 'consultation'
                          ? 'categories.consultationRule'
                          : 'categories.rule',
                        { days },
                      )}
                    </span>
                  </span>
                </div>
              ))}
            </div>
          </div>
        </div>
      </main>
    </div>
  )
}
