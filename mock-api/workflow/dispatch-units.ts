// The units a staff member may dispatch to, for the console's pickers, and the responsibility
// list's suggestions for one ticket in the caller's scope (unit-suggestions.ts ranks them).
import type { Kysely } from 'kysely'
import type { StaffUnit, SuggestedUnit } from '../contract.js'
import type { Database } from '../storage/database.js'
import { listActiveUnits } from '../storage/units.js'
import type { StaffMember } from './staff-scope.js'
import { requireTicketInScope, unitDivisionsFor } from './staff-scope.js'
import { suggestUnits } from './unit-suggestions.js'

/** Active units in `staff`'s divisions (and the region's), region first. */
export async function listDispatchUnits(
  db: Kysely<Database>,
  staff: StaffMember,
): Promise<StaffUnit[]> {
  const units = await listActiveUnits(db, unitDivisionsFor(staff))
  return units.map((unit) => ({
    id: unit.id,
    name: unit.name,
    level: unit.level,
    divisionCode: unit.division_code,
  }))
}

/** The suggestions for a ticket; a Refused `not_found` when it is missing or out of scope. */
export async function suggestUnitsFor(
  db: Kysely<Database>,
  staff: StaffMember,
  ticketId: string,
): Promise<SuggestedUnit[]> {
  const ticket = await requireTicketInScope(db, staff, ticketId)
  return suggestUnits(db, ticket)
}
