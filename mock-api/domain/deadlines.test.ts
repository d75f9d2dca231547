import { describe, expect, it } from 'vitest'
import type { Category } from '../contract.js'
import { dueSchema } from '../contract.js'
import type { StepDue } from './deadlines.js'
import { dueFor, dueStatus, extendTo, isWithinReturnWindow, toDueJson } from './deadlines.js'
import { createHolidayCalendar } from './holidays.js'

const calendar = createHolidayCalendar()
const china = (local: string) => new Date(`${local}+08:00`)
// A clock started on Monday 9 March 2026, an ordinary week.
const MONDAY = china('2026-03-09T10:00:00')

describe('dueFor', () => {
  it.each<[Category, string]>([
    ['consultation', '2026-03-12'],
    ['help', '2026-03-16'],
    ['suggestion', '2026-03-16'],
    ['complaint', '2026-03-23'],
    ['report', '2026-03-23'],
  ])('gives %s handling its working days', (category, lastDay) => {
    const due = dueFor('handling', category, MONDAY, calendar)
    expect(due.at).toEqual(new Date(`${lastDay}T24:00:00+08:00`))
  })

  it('gives acceptance, coordination and review 1 working day and rating 3', () => {
    const lastDayOf = (step: StepDue['step']) =>
      dueFor(step, 'help', MONDAY, calendar).at.getTime() - 1
    expect(lastDayOf('acceptance')).toBe(china('2026-03-10T23:59:59.999').getTime())
    expect(lastDayOf('coordination')).toBe(china('2026-03-10T23:59:59.999').getTime())
    expect(lastDayOf('review')).toBe(china('2026-03-10T23:59:59.999').getTime())
    expect(lastDayOf('rating')).toBe(china('2026-03-12T23:59:59.999').getTime())
  })

  it('gives a complaint dispatched on 13 Feb 2026 until 24:00 on 5 March', () => {
    const due = dueFor('handling', 'complaint', china('2026-02-13T16:45:00'), calendar)
    expect(toDueJson(due, china('2026-02-13T16:45:00'), calendar)).toEqual({
      step: 'handling',
      at: '2026-03-06T00:00:00+08:00',
      lastDay: '2026-03-05',
      provisional: false,
      nearDue: false,
      overdue: false,
      workingDaysLeft: 10,
    })
  })
})

describe('dueStatus', () => {
  const due = { at: china('2026-03-13T00:00:00') } // 24:00 Thursday 12 March

  it('is near due from the working day before the last day, until the due instant', () => {
    expect(dueStatus(due, china('2026-03-10T10:00:00'), calendar)).toEqual({
      nearDue: false,
      overdue: false,
      workingDaysLeft: 2,
    })
    expect(dueStatus(due, china('2026-03-11T10:00:00'), calendar)).toEqual({
      nearDue: true,
      overdue: false,
      workingDaysLeft: 1,
    })
    expect(dueStatus(due, china('2026-03-12T23:59:59.999'), calendar)).toEqual({
      nearDue: true,
      overdue: false,
      workingDaysLeft: 0,
    })
  })

  it('is overdue, and no longer near due, from 24:00 on the last day', () => {
    expect(dueStatus(due, due.at, calendar)).toEqual({
      nearDue: false,
      overdue: true,
      workingDaysLeft: -1,
    })
  })

  it('counts a weekend as no time left', () => {
    const dueMonday = { at: china('2026-03-17T00:00:00') }
    expect(dueStatus(dueMonday, china('2026-03-13T09:00:00'), calendar).nearDue).toBe(true)
    expect(dueStatus(dueMonday, china('2026-03-12T09:00:00'), calendar).nearDue).toBe(false)
  })
})

describe('extendTo', () => {
  const current: StepDue = {
    step: 'handling',
    at: china('2026-03-13T00:00:00'),
    provisional: false,
  }

  it('moves the due to 24:00 of a later working day, make-up Saturdays included', () => {
    expect(extendTo('2026-03-20', current, calendar)).toEqual({
      ok: true,
      due: { step: 'handling', at: china('2026-03-21T00:00:00'), provisional: false },
    })
    const early: StepDue = { ...current, at: china('2026-02-13T00:00:00') }
    expect(extendTo('2026-02-28', early, calendar)).toMatchObject({ ok: true })
  })

  it('marks an extension into an uncovered year provisional', () => {
    expect(extendTo('2027-01-05', current, calendar)).toMatchObject({
      ok: true,
      due: { provisional: true },
    })
  })

  it('refuses a non-working day, a day not after the current due, and a non-date', () => {
    expect(extendTo('2026-03-21', current, calendar)).toEqual({
      ok: false,
      reason: 'not_a_working_day',
    })
    expect(extendTo('2026-10-05', current, calendar)).toEqual({
      ok: false,
      reason: 'not_a_working_day',
    })
    expect(extendTo('2026-03-12', current, calendar)).toEqual({
      ok: false,
      reason: 'not_after_due',
    })
    expect(extendTo('2026-03-09', current, calendar)).toEqual({
      ok: false,
      reason: 'not_after_due',
    })
    expect(extendTo('2026-02-30', current, calendar)).toEqual({ ok: false, reason: 'invalid_date' })
  })
})

describe('isWithinReturnWindow', () => {
  it('lets a unit return a ticket until 24:00 of the next working day', () => {
    const friday = china('2026-03-13T15:00:00')
    expect(isWithinReturnWindow(friday, china('2026-03-16T23:59:59'), calendar)).toBe(true)
    expect(isWithinReturnWindow(friday, china('2026-03-17T00:00:00'), calendar)).toBe(false)
  })
})

describe('toDueJson', () => {
  it('produces what the contract accepts', () => {
    const due = dueFor('acceptance', 'help', china('2027-03-05T10:00:00'), calendar)
    const json = toDueJson(due, china('2027-03-08T12:00:00'), calendar)
    expect(dueSchema.parse(json)).toEqual({
      step: 'acceptance',
      at: '2027-03-09T00:00:00+08:00',
      lastDay: '2027-03-08',
      provisional: true,
      nearDue: true,
      overdue: false,
      workingDaysLeft: 0,
    })
  })
})
