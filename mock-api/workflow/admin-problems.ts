// Refusals of the reference-data edits (units, the responsibility list, the holiday calendar),
// worded for the console to show as is.
import type { FieldError } from '../plugins/problems.js'
import { ProblemError, problemFor } from '../plugins/problems.js'

export const unitNameTaken = () =>
  new ProblemError(409, 'unit_name_taken', {
    zh: '该地区已有同名单位。',
    en: 'A unit of this division already has this name.',
  })

export const unitHasOpenTickets = (count: number) =>
  new ProblemError(
    409,
    'unit_has_open_tickets',
    {
      zh: `该单位还有 ${count} 件未办结的工单，办结或改派后才能停用。`,
      en: `The unit still holds ${count} open ticket(s); close or re-dispatch them before deactivating it.`,
    },
    undefined,
    { openTickets: count },
  )

export const unitOnResponsibilityList = () =>
  new ProblemError(409, 'unit_on_responsibility_list', {
    zh: '该单位仍在责任清单中，请先在责任清单中更换后再停用。',
    en: 'The unit is still on the responsibility list; replace it there before deactivating it.',
  })

export const packageYear = (year: number) =>
  new ProblemError(409, 'package_year', {
    zh: `${year} 年的节假日以国务院放假安排（节假日数据包）为准，不能调整。`,
    en: `${year} follows the State Council holiday arrangement from the holiday package; it cannot be overridden.`,
  })

export const nationalDay = (date: string) =>
  new ProblemError(409, 'national_day', {
    zh: `${date} 属于国务院放假安排（节假日数据包），以数据包为准，不能调整；自治区的安排可录入其他日期。`,
    en: `${date} is in the State Council holiday arrangement from the holiday package and stays as it is; enter the region's arrangement on other dates.`,
  })

export const notCalendarKeeper = () =>
  new ProblemError(403, 'not_calendar_keeper', {
    zh: '全区只有一本节假日日历，由自治区办公室维护；市级办公室只能查看。',
    en: 'The region has one holiday calendar, kept by the region office; a city office can only read it.',
  })

/** 422 naming the fields at fault. */
export const invalidFields = (errors: readonly FieldError[]) => problemFor(422, errors)
