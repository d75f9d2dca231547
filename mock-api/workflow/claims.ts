/**
 * Claiming a registered report (issue 16): the owner of a report a desk, window or workstation
 * registered types (or scans, or follows the SMS link with) its number and code, and the ticket
 * joins this phone's owner: it is listed in GET /api/tickets and the owner may urge, add material
 * and rate it. A wrong pair is not found, like a receipt look-up. Only registered reports can be
 * claimed, and only once: a second phone with the receipt is told to look it up instead.
 */
import type { Kysely } from 'kysely'
import type { ClaimInput } from '../contract.js'
import type { Database } from '../storage/database.js'
import type { WriteTransaction } from '../storage/group-commit.js'
import { hashPhone, rememberPhone, upsertBusiness } from '../storage/owners.js'
import type { TicketRow } from '../storage/tickets.js'
import { findTicketByNumber, insertTicketEvent } from '../storage/tickets.js'
import { isReceiptCodeOf } from './receipts.js'
import type { Reporter } from './report-submission.js'
import { Refused } from './refused.js'

export type ClaimDeps = {
  db: Kysely<Database>
  write: WriteTransaction<Database>
  codeSecret: string
  now: Date
}

export type ClaimResult = { kind: 'claimed'; ticket: TicketRow } | { kind: 'not_found' }

export const claimedElsewhere = () => new Refused('already_claimed')

export const notRegistered = () => new Refused('not_registered')

export async function claimTicket(
  deps: ClaimDeps,
  owner: Reporter,
  input: ClaimInput,
): Promise<ClaimResult> {
  return deps.write(async (trx) => {
    const row = await findTicketByNumber(trx, input.number)
    if (!row || !isReceiptCodeOf(row, input.code)) return { kind: 'not_found' }
    if (row.owner_id === owner.ownerId) return { kind: 'claimed', ticket: row }
    if (row.registered_by === null) throw notRegistered()
    if (row.claimed_at !== null) throw claimedElsewhere()
    const at = deps.now.toISOString()
    const businessId = await upsertBusiness(
      trx,
      owner.ownerId,
      { name: row.business_name, creditCode: row.business_credit_code, kind: row.business_kind },
      deps.now,
    )
    // The contact phone now leads to this owner, so another phone can join with a link code.
    await rememberPhone(trx, owner.ownerId, hashPhone(deps.codeSecret, row.contact_phone), deps.now)
    const claimed = await trx
      .updateTable('tickets')
      .set({
        owner_id: owner.ownerId,
        device_id: owner.deviceId,
        business_id: businessId,
        claimed_at: at,
        version: row.version + 1,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst()
    if (!claimed) throw claimedElsewhere()
    // Open streams of the claiming phone refresh its list.
    await insertTicketEvent(trx, {
      ticket_id: claimed.id,
      owner_id: claimed.owner_id,
      desk_division_code: claimed.desk_division_code,
      type: 'claim',
      status: claimed.status,
      at,
    })
    return { kind: 'claimed', ticket: claimed }
  })
}
