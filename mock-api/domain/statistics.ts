/**
 * The rates of DOMAIN.md "Use of results" (运用), computed from ticket facts by group. A rate is
 * null when its denominator is 0, never NaN. Rates are fractions rounded to 4 decimals; the average
 * is rounded to 1 decimal. Months are China months of the ticket's creation.
 */
import type { Category, Channel, StatisticsGrouping, TicketStatus } from '../contract.js'
import { chinaDateOf } from './china-time.js'
import { REGION_CODE, cityOf } from './jurisdiction.js'

/** Resolution is asked only where a problem can be solved (DOMAIN.md). */
export const RESOLUTION_CATEGORIES: readonly Category[] = ['help', 'complaint', 'report']

/** The key of tickets with no lead unit when grouping by unit. */
export const NO_UNIT_KEY = 'none'

const TOP_TOPIC_COUNT = 3

export type TicketFacts = {
  category: Category
  /** Where the business is (city or county code, or 450000). */
  divisionCode: string
  leadUnitId: string | null
  status: TicketStatus
  createdAt: Date
  acceptedAt: Date | null
  repliedAt: Date | null
  acceptanceResult: 'on_time' | 'late' | null
  handlingResult: 'on_time' | 'late' | null
  /** The latest rating; satisfaction 'none' when the system closed it unrated. */
  rating: {
    resolved: 'yes' | 'partly' | 'no' | null
    satisfaction: 'satisfied' | 'basic' | 'dissatisfied' | 'none'
  } | null
  /** Working days from creation to closure, for closed tickets only. */
  workingDaysToClose: number | null
  topic: string | null
  /** How the report came in; absent in facts built before channels were recorded. */
  channel?: Channel
}

export type StatisticsOptions = {
  groupBy: StatisticsGrouping
  /** DOMAIN.md: 满意 + 基本满意 over rated tickets by default; false counts 满意 only. */
  countBasicAsSatisfied?: boolean
}

export type TopicCount = { topic: string; count: number }

export type Rates = {
  count: number
  responseRate: number | null
  onTimeAcceptanceRate: number | null
  onTimeHandlingRate: number | null
  resolutionRate: number | null
  satisfactionRate: number | null
  averageWorkingDaysToClose: number | null
  topTopics: TopicCount[]
}

export type GroupStatistics = Rates & { key: string }

export type ComputedStatistics = { groups: GroupStatistics[]; total: Rates }

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

const share = <T>(items: readonly T[], inBase: (t: T) => boolean, counts: (t: T) => boolean) => {
  const base = items.filter(inBase)
  return base.length === 0 ? null : round(base.filter(counts).length / base.length, 4)
}

const isRated = (t: TicketFacts) => t.rating !== null && t.rating.satisfaction !== 'none'
const hasResolvedAnswer = (t: TicketFacts) => t.rating !== null && t.rating.resolved !== null

/** The group a ticket falls in: a category, a city code, a unit id (or 'none'), a YYYY-MM month. */
export function groupKeyOf(facts: TicketFacts, groupBy: StatisticsGrouping): string {
  switch (groupBy) {
    case 'category':
      return facts.category
    case 'city':
      return cityOf(facts.divisionCode)?.code ?? REGION_CODE
    case 'unit':
      return facts.leadUnitId ?? NO_UNIT_KEY
    case 'month':
      return chinaDateOf(facts.createdAt).slice(0, 7)
    case 'channel':
      return facts.channel ?? 'app'
  }
}

export function ratesOf(tickets: readonly TicketFacts[], countBasicAsSatisfied = true): Rates {
  const closedDays = tickets.flatMap((t) =>
    t.workingDaysToClose === null ? [] : [t.workingDaysToClose],
  )
  const satisfied = countBasicAsSatisfied ? ['satisfied', 'basic'] : ['satisfied']
  return {
    count: tickets.length,
    responseRate: share(
      tickets,
      (t) => t.status !== 'withdrawn',
      (t) => t.acceptedAt !== null || t.repliedAt !== null,
    ),
    onTimeAcceptanceRate: share(
      tickets,
      (t) => t.acceptanceResult !== null,
      (t) => t.acceptanceResult === 'on_time',
    ),
    onTimeHandlingRate: share(
      tickets,
      (t) => t.handlingResult !== null,
      (t) => t.handlingResult === 'on_time',
    ),
    resolutionRate: share(
      tickets,
      (t) => RESOLUTION_CATEGORIES.includes(t.category) && isRated(t) && hasResolvedAnswer(t),
      (t) => t.rating?.resolved === 'yes',
    ),
    satisfactionRate: share(tickets, isRated, (t) =>
      satisfied.includes(t.rating?.satisfaction ?? ''),
    ),
    averageWorkingDaysToClose:
      closedDays.length === 0
        ? null
        : round(closedDays.reduce((sum, days) => sum + days, 0) / closedDays.length, 1),
    topTopics: topTopicsOf(tickets),
  }
}

function topTopicsOf(tickets: readonly TicketFacts[]): TopicCount[] {
  const counts = new Map<string, number>()
  for (const { topic } of tickets)
    if (topic !== null) counts.set(topic, (counts.get(topic) ?? 0) + 1)
  return [...counts]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || byCodePoint(a.topic, b.topic))
    .slice(0, TOP_TOPIC_COUNT)
}

/** The rates per group, ordered by key, and over all the tickets given. */
export function computeStatistics(
  tickets: readonly TicketFacts[],
  options: StatisticsOptions,
): ComputedStatistics {
  const byKey = new Map<string, TicketFacts[]>()
  for (const ticket of tickets) {
    const key = groupKeyOf(ticket, options.groupBy)
    const members = byKey.get(key)
    if (members) members.push(ticket)
    else byKey.set(key, [ticket])
  }
  const groups = [...byKey]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([key, members]) => ({ key, ...ratesOf(members, options.countBasicAsSatisfied) }))
  return { groups, total: ratesOf(tickets, options.countBasicAsSatisfied) }
}
