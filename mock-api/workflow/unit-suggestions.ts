/**
 * Units the responsibility list suggests for a ticket. First the lead unit, then the co-units, of
 * the list's entry for the ticket's category in the nearest division that has one (the ticket's
 * own, its city, the region). Then duties of the ticket's category (or of any category) whose
 * keywords occur in its title or description, ranked by how many keywords hit, then by nearness
 * (the ticket's own division, its city, the city's counties, the region). Only active units that
 * could take it: in the ticket's division, its city, or the region.
 */
import type { Kysely } from 'kysely'
import type { SuggestedUnit } from '../contract.js'
import { REGION_CODE, cityOf } from '../domain/jurisdiction.js'
import { divisionChain } from '../domain/unit-divisions.js'
import type { Database } from '../storage/database.js'
import type { ResponsibilityEntry } from '../storage/responsibility-entries.js'
import { findResponsibilityEntries } from '../storage/responsibility-entries.js'
import type { TicketRow } from '../storage/tickets.js'
import type { UnitRow } from '../storage/units.js'
import { listActiveUnits, listResponsibilities } from '../storage/units.js'
import { divisionsUnder } from './staff-scope.js'

export const SUGGESTION_LIMIT = 5

type Match = {
  unit: UnitRow
  listedAs: 'lead' | 'co' | null
  topics: Set<string>
  keywords: Set<string>
}

const LISTED_RANK = { lead: 0, co: 1 } as const
const listedRank = (match: Match) => (match.listedAs ? LISTED_RANK[match.listedAs] : 2)

function candidateDivisions(divisionCode: string): string[] {
  const city = cityOf(divisionCode)?.code
  if (!city) return [REGION_CODE]
  const counties = divisionCode === city ? (divisionsUnder(city) ?? []) : []
  return [...new Set([divisionCode, city, ...counties, REGION_CODE])]
}

const nearness = (unit: UnitRow, ticket: TicketRow): number => {
  if (unit.division_code === ticket.division_code) return 0
  if (unit.division_code === cityOf(ticket.division_code)?.code) return 1
  return unit.division_code === REGION_CODE ? 3 : 2
}

/** The entry of the nearest division on the ticket's chain that has one. */
function nearestEntry(
  entries: readonly ResponsibilityEntry[],
  chain: readonly string[],
): ResponsibilityEntry | undefined {
  for (const division of chain) {
    const entry = entries.find((e) => e.divisionCode === division)
    if (entry) return entry
  }
  return undefined
}

export async function suggestUnits(
  db: Kysely<Database>,
  ticket: TicketRow,
): Promise<SuggestedUnit[]> {
  const divisions = candidateDivisions(ticket.division_code)
  const chain = divisionChain(ticket.division_code)
  const [units, duties, entries] = await Promise.all([
    listActiveUnits(db, divisions),
    listResponsibilities(db, divisions, ticket.category),
    findResponsibilityEntries(db, chain, ticket.category),
  ])
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const matches = new Map<string, Match>()
  const matchOf = (unit: UnitRow): Match => {
    const match = matches.get(unit.id) ?? {
      unit,
      listedAs: null,
      topics: new Set<string>(),
      keywords: new Set<string>(),
    }
    matches.set(unit.id, match)
    return match
  }
  const entry = nearestEntry(entries, chain)
  const listed: [string, 'lead' | 'co'][] = entry
    ? [[entry.leadUnitId, 'lead'], ...entry.coUnitIds.map((id): [string, 'co'] => [id, 'co'])]
    : []
  for (const [id, listedAs] of listed) {
    const unit = byId.get(id)
    if (unit) matchOf(unit).listedAs ??= listedAs
  }
  const text = `${ticket.title}\n${ticket.description}`.toLowerCase()
  for (const duty of duties) {
    const unit = byId.get(duty.unitId)
    const hits = duty.keywords.filter((k) => k.trim() !== '' && text.includes(k.toLowerCase()))
    if (!unit || hits.length === 0) continue
    const match = matchOf(unit)
    match.topics.add(duty.topic)
    for (const keyword of hits) match.keywords.add(keyword)
  }
  return [...matches.values()]
    .sort(
      (a, b) =>
        listedRank(a) - listedRank(b) ||
        b.keywords.size - a.keywords.size ||
        nearness(a.unit, ticket) - nearness(b.unit, ticket) ||
        a.unit.id.localeCompare(b.unit.id),
    )
    .slice(0, SUGGESTION_LIMIT)
    .map(({ unit, listedAs, topics, keywords }) => ({
      id: unit.id,
      name: unit.name,
      level: unit.level,
      divisionCode: unit.division_code,
      listedAs,
      hits: keywords.size,
      topics: [...topics],
      keywords: [...keywords],
    }))
}
