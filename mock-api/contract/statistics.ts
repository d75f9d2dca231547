// The statistics page: its query and its figures.
import { z } from 'zod'
import { categorySchema, channelSchema, divisionCodeSchema } from './common.js'

export const STATISTICS_GROUPINGS = ['category', 'city', 'unit', 'month', 'channel'] as const
export type StatisticsGrouping = (typeof STATISTICS_GROUPINGS)[number]

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalid_month' })

/** `GET /api/staff/statistics`: months are China months of the tickets' creation, inclusive. */
export const statisticsQuerySchema = z.object({
  groupBy: z.enum(STATISTICS_GROUPINGS).default('category'),
  from: month.optional(),
  to: month.optional(),
  category: categorySchema.optional(),
  /** A city code; 450000 keeps the region-level tickets. */
  city: divisionCodeSchema.optional(),
  channel: channelSchema.optional(),
  /** DOMAIN.md counts 满意 + 基本满意 as satisfied; `false` counts 满意 only. */
  countBasicAsSatisfied: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** `csv` (or `Accept: text/csv`) answers with CSV for Excel. */
  format: z.enum(['json', 'csv']).optional(),
})
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>

/** A fraction 0..1, or null when nothing is in its denominator. */
const rate = z.number().min(0).max(1).nullable()

export const statisticsRatesSchema = z.object({
  count: z.number().int(),
  responseRate: rate,
  onTimeAcceptanceRate: rate,
  onTimeHandlingRate: rate,
  /** Help, complaint and report only. */
  resolutionRate: rate,
  satisfactionRate: rate,
  averageWorkingDaysToClose: z.number().nullable(),
  topTopics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
})
export type StatisticsRates = z.infer<typeof statisticsRatesSchema>

export const statisticsSchema = z.object({
  groupBy: z.enum(STATISTICS_GROUPINGS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  countBasicAsSatisfied: z.boolean(),
  groups: z.array(statisticsRatesSchema.extend({ key: z.string(), label: z.string() })),
  total: statisticsRatesSchema,
})
export type Statistics = z.infer<typeof statisticsSchema>
