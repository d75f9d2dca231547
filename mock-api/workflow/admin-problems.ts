// Refusals of the reference-data edits (units, the responsibility list, the holiday calendar);
// plugins/refusal-table.ts words them for the console.
import type { FaultyField } from './refused.js'
import { Refused } from './refused.js'

/** Who makes a reference-data edit (the audit entry names them), and when. */
export type EditedBy = { staffId: string; at: Date }

export const unitNameTaken = () => new Refused('unit_name_taken')

export const unitHasOpenTickets = (count: number) =>
  new Refused('unit_has_open_tickets', undefined, { openTickets: count })

export const unitOnResponsibilityList = () => new Refused('unit_on_responsibility_list')

export const packageYear = (year: number) => new Refused('package_year', undefined, { year })

export const nationalDay = (date: string) => new Refused('national_day', undefined, { date })

export const notCalendarKeeper = () => new Refused('not_calendar_keeper')

/** 422 naming the fields at fault. */
export const invalidFields = (errors: readonly Required<FaultyField>[]) =>
  new Refused('invalid_fields', errors)
