/**
 * Which tickets a staff member may see (DOMAIN.md "Identity"): a desk its queue's tickets (the
 * region desk 450000: the region queue), a unit only tickets currently dispatched to it (lead or
 * co), an office the tickets of its division (the region office: all). The admin manages
 * reference data and reads no tickets, so no owner's personal data. Out of scope answers exactly
 * like a missing ticket (404), so ticket ids cannot be probed.
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import { sql } from 'kysely'
import type { StaffRole } from '../contract.js'
import { REGION_CODE, cityOf, countiesOf, findDivision } from '../domain/jurisdiction.js'
import type { Database } from '../storage/database.js'
import type { TicketRow } from '../storage/tickets.js'
import { Refused } from './refused.js'

/** The signed-in staff member, as `requireStaff` sets it on the request. */
export type StaffMember = {
  id: string
  username: string
  displayName: string
  role: StaffRole
  /** A desk's or office's division (city code or 450000); the unit's division for a unit. */
  divisionCode: string | null
  unitId: string | null
  /** A window clerk's service point. */
  servicePointId?: string | null
}

const NOTHING = sql<SqlBool>`1 = 0`
const EVERYTHING = sql<SqlBool>`1 = 1`

/**
 * The division codes at or below `code`: a city and its counties, a county alone; null for the
 * region, meaning every division.
 */
export function divisionsUnder(code: string): string[] | null {
  if (code === REGION_CODE) return null
  if (!findDivision(code)) return []
  return [code, ...countiesOf(code).map((county) => county.code)]
}

/** A condition on `tickets` (for `.where(...)`) that holds for the tickets `staff` may see. */
export function ticketScope(
  staff: StaffMember,
): (eb: ExpressionBuilder<Database, 'tickets'>) => Expression<SqlBool> {
  return (eb) => {
    const { role, divisionCode, unitId } = staff
    // Window clerks and county workstations see exactly the reports they registered.
    if (role === 'window' || role === 'workstation') {
      return eb('tickets.registered_by', '=', staff.id)
    }
    if (role === 'desk' && divisionCode !== null) {
      return eb('tickets.desk_division_code', '=', divisionCode)
    }
    if (role === 'unit' && unitId !== null) {
      return eb.exists(
        eb
          .selectFrom('ticket_units')
          .select('ticket_units.ticket_id')
          .whereRef('ticket_units.ticket_id', '=', 'tickets.id')
          .where('ticket_units.unit_id', '=', unitId)
          .where('ticket_units.released_at', 'is', null),
      )
    }
    if (role === 'office' && divisionCode !== null) {
      const divisions = divisionsUnder(divisionCode)
      if (divisions === null) return EVERYTHING
      return eb.or([
        eb('tickets.desk_division_code', '=', divisionCode),
        ...(divisions.length > 0 ? [eb('tickets.division_code', 'in', divisions)] : []),
      ])
    }
    return NOTHING
  }
}

/** The ticket, or null when it does not exist or `staff` may not see it. */
export async function findTicketInScope(
  db: Kysely<Database>,
  staff: StaffMember,
  ticketId: string,
): Promise<TicketRow | null> {
  const row = await db
    .selectFrom('tickets')
    .selectAll()
    .where('tickets.id', '=', ticketId)
    .where(ticketScope(staff))
    .executeTakeFirst()
  return row ?? null
}

/** The ticket, or a 404 problem when it does not exist or `staff` may not see it. */
export async function requireTicketInScope(
  db: Kysely<Database>,
  staff: StaffMember,
  ticketId: string,
): Promise<TicketRow> {
  const row = await findTicketInScope(db, staff, ticketId)
  if (!row) throw new Refused('not_found')
  return row
}

/**
 * Whether a unit must not see the owner's identity on this ticket: a confidential report hides
 * the contact and the business from handling units; desks and offices see them.
 */
export const hidesOwnerFrom = (staff: StaffMember, ticket: Pick<TicketRow, 'confidential'>) =>
  staff.role === 'unit' && Number(ticket.confidential) === 1

/**
 * The city filters `staff` may use in the statistics (a city code, or 450000 for the region-level
 * tickets); null for any. A city office sees its own city only (issue 17: its picker offered all
 * 14, and the others answered an empty chart).
 */
export function statisticsCitiesFor(staff: StaffMember): string[] | null {
  if (staff.role === 'admin' || staff.divisionCode === null) return null
  if (staff.divisionCode === REGION_CODE) return null
  const city = cityOf(staff.divisionCode)
  return city === null ? [] : [city.code]
}

/**
 * The divisions whose units `staff` may pick from (dispatch pickers): its division and those
 * below it, plus the region's units; null for every division (the region, and the admin).
 */
export function unitDivisionsFor(staff: StaffMember): string[] | null {
  if (staff.role === 'admin') return null
  if (staff.divisionCode === null) return [REGION_CODE]
  const divisions = divisionsUnder(staff.divisionCode)
  return divisions === null ? null : [...divisions, REGION_CODE]
}
