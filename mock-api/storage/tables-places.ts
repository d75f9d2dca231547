// Reference data: where reports are received and who handles them, the calendar, and settings.
import type { BusinessKind, Category } from '../contract.js'
import type { Defaulted, Instant } from './columns.js'

export interface ServicePointTable {
  id: string
  /** The full display name, e.g. 南宁市政务服务中心 3号窗口. */
  name: string
  hall: string
  window: string
  /** Where the service point is (city or county code): pre-fills the report's division. */
  division_code: string
  /** The desk that receives its reports: a city code, or 450000 for the region desk. */
  desk_division_code: string
  /** Part of the signed token; raising it invalidates every printed code of this point. */
  token_version: Defaulted<number>
  /** What the poster prints for typing (`/w/<code>`, shared/short-code.ts): unique, never changes. */
  short_code: string
  created_at: Instant
  retired_at: Instant | null
}

export interface UnitTable {
  id: string
  name: string
  level: 'region' | 'city' | 'county'
  division_code: string
  created_at: Instant
  retired_at: Instant | null
}

/** The responsibility list (职责清单): what a unit handles, for suggesting units to a desk. */
export interface ResponsibilityTable {
  id: string
  unit_id: string
  /** Null: any category. */
  category: Category | null
  topic: string
  /** JSON array of strings, matched against a ticket's title and description. */
  keywords: string
  created_at: Instant
}

/**
 * The responsibility list's entries (责任清单): which unit leads a category of matters in a
 * division, and which units help. One entry per division and category.
 */
export interface ResponsibilityEntryTable {
  division_code: string
  category: Category
  lead_unit_id: string
  /** JSON array of unit ids. */
  co_unit_ids: string
  updated_by: string | null
  updated_at: Instant
}

export interface CalendarOverrideTable {
  /** China date, YYYY-MM-DD. */
  date: string
  kind: 'holiday' | 'workday'
  note: string | null
  created_by: string | null
  created_at: Instant
}

/** Years whose overrides the office entered in full, so their deadlines are not provisional. */
export interface CalendarYearTable {
  year: number
  note: string | null
  created_at: Instant
}

/** Named sequences, e.g. `ticket:260213` for the day's ticket numbers. */
export interface CounterTable {
  name: string
  value: number
}

/** Key-value settings, e.g. secrets generated at the first start in demo mode. */
export interface SettingTable {
  key: string
  value: string
  updated_at: Instant
}

/** Entity codes (经营主体服务码): a signed link naming one business, printed as a sticker. */
export interface EntityCodeTable {
  id: string
  credit_code: string
  name: string
  kind: BusinessKind
  /** The admin or window clerk who issued it. */
  issued_by: string
  created_at: Instant
  retired_at: Instant | null
}

export type PlaceTables = {
  entity_codes: EntityCodeTable
  service_points: ServicePointTable
  units: UnitTable
  responsibilities: ResponsibilityTable
  responsibility_entries: ResponsibilityEntryTable
  calendar_overrides: CalendarOverrideTable
  calendar_years: CalendarYearTable
  counters: CounterTable
  settings: SettingTable
}
