// docs/domain.md's worked examples of 壮族三月三 are computed, not typed: this test reads the table
// under the `sanyuesan-examples` marker and checks every row against the calendar module, so a
// wrong date in the docs (or a change in the calendar) fails here.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SLA_WORKING_DAYS } from './deadlines.js'
import { createHolidayCalendar, regionalDaysIn } from './holidays.js'
import { addWorkingDays } from './working-days.js'

const DOCS = readFileSync(new URL('../../docs/domain.md', import.meta.url), 'utf8')

type Example = { year: number; first: string; second: string; dispatched: string; due: string }

function examples(): Example[] {
  const [, after = ''] = DOCS.split('<!-- sanyuesan-examples -->')
  const lines = after.trimStart().split('\n')
  const end = lines.findIndex((line) => !line.startsWith('|'))
  // The header and the separator row first, then one example per row until the table ends.
  const cells = lines.slice(2, end === -1 ? undefined : end).map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  )
  return cells.map(([year = '', first = '', second = '', dispatched = '', due = '']) => ({
    year: Number(year),
    first,
    second,
    dispatched,
    due,
  }))
}

describe('the 三月三 examples in docs/domain.md', () => {
  const rows = examples()
  const calendar = createHolidayCalendar()

  it('has examples in at least two different years', () => {
    expect(new Set(rows.map((row) => row.year)).size).toBeGreaterThanOrEqual(2)
  })

  it.each(rows.map((row) => [row.year, row] as const))('%i matches the calendar', (_, row) => {
    expect(regionalDaysIn(row.year).map((day) => day.date)).toEqual([row.first, row.second])
    expect(calendar.isWorkingDay(row.first)).toBe(false)
    expect(calendar.isWorkingDay(row.second)).toBe(false)
    // Dispatched during the China working day: 10:00 China time.
    const dispatchedAt = new Date(`${row.dispatched}T10:00:00+08:00`)
    const due = addWorkingDays(dispatchedAt, SLA_WORKING_DAYS.handling.complaint, calendar)
    expect(due.date).toBe(row.due)
  })
})
