import { render } from '@testing-library/react'
import { I18nProvider } from '@/lib/i18n-react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import { createI18n } from '@/lib/i18n'
import { CATEGORIES, HANDLING_WORKING_DAYS } from '../../../mock-api/contract'
import { FRAME_CATEGORIES, ReportFrame } from './report-frame'

describe('the report form’s empty frame', () => {
  it('shows the categories and their handling days as the contract has them', () => {
    expect(FRAME_CATEGORIES.map(([category]) => category)).toEqual([...CATEGORIES])
    for (const [category, days] of FRAME_CATEGORIES) {
      expect(days, category).toBe(HANDLING_WORKING_DAYS[category])
    }
  })

  it('draws the form’s title and takes no input', () => {
    const { container, getByRole } = render(
      <I18nProvider i18n={createI18n()}>
        <MemoryRouter initialEntries={['/q/token']}>
          <ReportFrame />
        </MemoryRouter>
      </I18nProvider>,
    )
    expect(getByRole('heading', { level: 1 }).textContent).toBe('填写反映')
    expect(container.textContent).toContain('10个工作日内办结')
    expect(container.querySelectorAll('input, textarea, select, button')).toHaveLength(0)
  })
})
