import { cleanup, render, screen } from '@testing-library/react'
import { I18nProvider } from '@/lib/i18n-react'
import { describe, expect, it } from 'vitest'
import { createI18n } from '@/lib/i18n'
import type { Due } from '../../../../mock-api/contract'
import { DueInWords, DueLine } from './due-line'

const due = (flags: Partial<Due>): Due => ({
  step: 'handling',
  at: '2026-03-05T24:00:00+08:00',
  lastDay: '2026-03-05',
  provisional: false,
  nearDue: false,
  overdue: false,
  workingDaysLeft: 3,
  ...flags,
})

function renderDue(value: Due, i18n = createI18n()) {
  render(
    <I18nProvider i18n={i18n}>
      <DueLine due={value} />
    </I18nProvider>,
  )
  return screen.getByText(/期限|due/)
}

// The server decides near due and overdue (DOMAIN.md: ≤ 1 working day left, past due); the
// line only shows its flags: amber (gs-due--near) and red (gs-due--overdue).
describe('the deadline line', () => {
  it('is plain while there is time, with the day and the working days left', () => {
    const line = renderDue(due({}))
    expect(line).toHaveTextContent('办理期限 3月5日 24:00 · 剩 3 个工作日')
    expect(line).toHaveAttribute('data-due', 'ok')
    expect(line).not.toHaveClass('gs-due--near')
    expect(line).not.toHaveClass('gs-due--overdue')
  })

  it('is amber when near due', () => {
    const line = renderDue(due({ nearDue: true, workingDaysLeft: 1 }))
    expect(line).toHaveTextContent('剩 1 个工作日')
    expect(line).toHaveAttribute('data-due', 'near')
    expect(line).toHaveClass('gs-due--near')
    expect(line).not.toHaveClass('gs-due--overdue')
  })

  it('is red and says so when overdue', () => {
    const line = renderDue(due({ overdue: true, workingDaysLeft: -1 }))
    expect(line).toHaveTextContent('办理期限 3月5日 24:00 · 已超期')
    expect(line).toHaveAttribute('data-due', 'overdue')
    expect(line).toHaveClass('gs-due--overdue')
    expect(line).not.toHaveClass('gs-due--near')
  })

  it('marks a deadline beyond the holiday data as provisional', () => {
    expect(renderDue(due({ provisional: true }))).toHaveTextContent('（暂按周一至周五计算）')
  })

  it('speaks English when the owner chose it', async () => {
    const i18n = createI18n()
    await i18n.changeLanguage('en')
    const line = renderDue(due({ step: 'acceptance', overdue: true }), i18n)
    expect(line).toHaveTextContent('Acceptance due Mar 5 24:00 · Overdue')
  })
})

describe('the step in words', () => {
  const renderWords = async (value: Due, language: 'zh-CN' | 'en') => {
    const i18n = createI18n()
    await i18n.changeLanguage(language)
    render(
      <I18nProvider i18n={i18n}>
        <DueInWords due={value} />
      </I18nProvider>,
    )
    return screen.getByTestId('due-in-words')
  }

  it('names the current step and its due day with the weekday, in Chinese and English', async () => {
    const dispatch = due({ step: 'dispatch', lastDay: '2026-04-21' })
    expect(await renderWords(dispatch, 'zh-CN')).toHaveTextContent(
      '当前环节：分办，应于4月21日（周二）24:00前完成',
    )
    cleanup()
    expect(await renderWords(dispatch, 'en')).toHaveTextContent(
      'Current step: Dispatch, due by 24:00 on Tuesday, April 21',
    )
  })
})
