/**
 * Entity codes (经营主体服务码): issued by admins and window clerks for one business, printed as a
 * sticker, scanned to start a report with the business filled in. A report (or an intake) that
 * carries a code's token takes the business from the code and counts it as verified. Forged codes
 * are unknown; retired ones say so, like window codes.
 */
import type { Kysely } from 'kysely'
import type { EntityCode, EntityCodeInput, StaffEntityCode } from '../contract.js'
import { checkCreditCode } from '../shared/credit-code.js'
import type { Database } from '../storage/database.js'
import type { EntityCodeRow } from '../storage/entity-codes.js'
import {
  findEntityCode,
  insertEntityCode,
  listEntityCodes,
  resolveEntityToken,
  retireEntityCode,
  signEntityToken,
} from '../storage/entity-codes.js'
import type { StaffMember } from './staff-scope.js'
import { Refused, refused } from './refused.js'

type Db = Kysely<Database>

export type { EntityCodeRow }

/** Unknown: 404 for a lookup, 422 at a form's field (plugins/refusal-table.ts). */
export const unknownEntityCode = (field?: string) => refused('unknown_entity_code', field)

/** Retired: 410 for a lookup, 422 at a form's field. */
export const retiredEntityCode = (field?: string) => refused('retired_entity_code', field)

export const toEntityJson = (row: EntityCodeRow): EntityCode => ({
  creditCode: row.credit_code,
  name: row.name,
  kind: row.kind,
})

/** A code as its issuers see it: with its signed token and the link its sticker carries. */
export function toStaffEntityJson(
  row: EntityCodeRow,
  secret: string,
  origin: string,
): StaffEntityCode {
  const token = signEntityToken(secret, row.id)
  return {
    ...toEntityJson(row),
    id: row.id,
    token,
    link: `${origin}/e/${token}`,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  }
}

/** The live code a token names, or the problem to answer: 404/410 for a lookup, 422 in a form. */
export async function requireEntityCode(
  db: Db,
  secret: string,
  token: string,
  field?: string,
): Promise<EntityCodeRow> {
  const lookup = await resolveEntityToken(db, secret, token)
  if (lookup.kind === 'unknown') throw unknownEntityCode(field)
  if (lookup.kind === 'retired') throw retiredEntityCode(field)
  return lookup.code
}

const mayIssue = (staff: StaffMember) => staff.role === 'admin' || staff.role === 'window'

/** A new code; an early credit code whose check fails needs the issuer's confirmation. */
export async function issueEntityCode(
  db: Db,
  staff: StaffMember,
  input: EntityCodeInput,
  now: Date,
): Promise<EntityCodeRow> {
  if (!mayIssue(staff)) throw new Refused('forbidden')
  const { checksum } = checkCreditCode(input.creditCode)
  if (checksum !== 'ok' && input.creditCodeConfirmed !== true) {
    throw refused('credit_code_checksum_issue', 'creditCode')
  }
  return insertEntityCode(
    db,
    { creditCode: input.creditCode, name: input.name, kind: input.kind, issuedBy: staff.id },
    now,
  )
}

/** An admin sees every code; a window clerk the codes it issued. */
export function entityCodesOf(db: Db, staff: StaffMember): Promise<EntityCodeRow[]> {
  if (!mayIssue(staff)) throw new Refused('forbidden')
  return listEntityCodes(db, staff.role === 'admin' ? {} : { issuedBy: staff.id })
}

/** The code, if this staff member may see it (admins all, a window clerk its own); else 404. */
export async function entityCodeOf(db: Db, staff: StaffMember, id: string) {
  const code = await findEntityCode(db, id)
  if (!code || !mayIssue(staff) || (staff.role !== 'admin' && code.issued_by !== staff.id)) {
    throw new Refused('not_found')
  }
  return code
}

export async function retireEntity(db: Db, staff: StaffMember, id: string, now: Date) {
  await entityCodeOf(db, staff, id)
  await retireEntityCode(db, id, now)
  return entityCodeOf(db, staff, id)
}
