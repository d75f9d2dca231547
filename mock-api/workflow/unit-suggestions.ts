/**
 * Units the responsibility list suggests for a ticket: duties of the ticket's category (or of any
 * category) whose keywords occur in its title or description, ranked by how many keywords hit,
 * then by nearness (the ticket's own division, its city, the city's counties, the region). Only
 * units that could take it: in the ticket's division, its city, or the region.
 */
import type { Kysely } from 'kysely'
import type { SuggestedUnit } from '../contract.js'
import { REGION_CODE, cityOf } from '../domain/jurisdiction.js'
import type { Database } from '../storage/database.js'
import type { TicketRow } from '../storage/tickets.js'
import type { UnitRow } from '../storage/units.js'
import { listActiveUnits, listResponsibilities } from '../storage/units.js'
import { divisionsUnder } from './staff-scope.js'

export const SUGGESTION_LIMIT = 5

type Match = { unit: UnitRow; topics: Set<string>; keywords: Set<string> }

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

export async function suggestUnits(
  db: Kysely<Database>,
  ticket: TicketRow,
): Promise<SuggestedUnit[]> {
  const divisions = candidateDivisions(ticket.division_code)
  const [units, duties] = await Promise.all([
    listActiveUnits(db, divisions),
    listResponsibilities(db, divisions, ticket.category),
  ])
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const text = `${ticket.title}\n${ticket.description}`.toLowerCase()
  const matches = new Map<string, Match>()
  for (const duty of duties) {
    const unit = byId.get(duty.unitId)
    const hits = duty.keywords.filter((k) => k.trim() !== '' && text.includes(k.toLowerCase()))
    if (!unit || hits.length === 0) continue
    const match = matches.get(unit.id) ?? { unit, topics: new Set(), keywords: new Set() }
    match.topics.add(duty.topic)
    for (const keyword of hits) match.keywords.add(keyword)
    matches.set(unit.id, match)
  }
  return [...matches.values()]
    .sort(
      (a, b) =>
        b.keywords.size - a.keywords.size ||
        nearness(a.unit, ticket) - nearness(b.unit, ticket) ||
        a.unit.id.localeCompare(b.unit.id),
    )
    .slice(0, SUGGESTION_LIMIT)
    .map(({ unit, topics, keywords }) => ({
      id: unit.id,
      name: unit.name,
      level: unit.level,
      divisionCode: unit.division_code,
      hits: keywords.size,
      topics: [...topics],
      keywords: [...keywords],
    }))
}
