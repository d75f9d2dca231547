/**
 * A report becomes a ticket exactly once. The client's id is the ticket's primary key: the same
 * id and body again (a retry, a second tab) is the same ticket; another body, or another owner,
 * is a conflict that reveals nothing. A concurrent duplicate loses on the primary key and is then
 * answered like a retry. Checks that can refuse run before anything is written.
 */
import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { ReportInput } from '../contract.js'
import { chinaDateOf } from '../domain/china-time.js'
import { checkCreditCode } from '../shared/credit-code.js'
import { receivingDesk } from '../domain/jurisdiction.js'
import { nextCounter } from '../storage/counters.js'
import type { Database } from '../storage/database.js'
import type { WriteTransaction } from '../storage/group-commit.js'
import { hashPhone, rememberPhone, upsertBusiness } from '../storage/owners.js'
import { resolveServicePointToken } from '../storage/service-points.js'
import type { TicketRow } from '../storage/tickets.js'
import { findTicket } from '../storage/tickets.js'
import { isUniqueViolation } from '../storage/unique-violation.js'
import type { EntityCodeRow } from '../storage/entity-codes.js'
import { requireEntityCode } from './entity-codes.js'
import { canonicalHash } from './idempotency.js'
import type { WorkflowContext } from './ticket-workflow.js'
import { submitTicket } from './ticket-workflow.js'
import { Refused, refused } from './refused.js'

export type SubmissionDeps = {
  db: Kysely<Database>
  /** The store's write transaction (group commit on SQLite). */
  write: WriteTransaction<Database>
  codeSecret: string
  context: WorkflowContext
}
export type Reporter = { ownerId: string; deviceId: string }
/** A new ticket carries its service point, so its first view needs no lookup. */
export type Submission =
  | { isNew: true; ticket: TicketRow; point: { id: string; name: string } | null }
  | { isNew: false; ticket: TicketRow }

// No 0/O, 1/I/L: the code is read aloud and typed from paper.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 6

export const verificationCode = () =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')

/** GX + yymmdd (China date) + the day's sequence, at least 4 digits: GX2602130001. */
export async function ticketNumber(db: Kysely<Database>, now: Date): Promise<string> {
  const day = chinaDateOf(now).slice(2).replaceAll('-', '')
  const sequence = await nextCounter(db, `ticket:${day}`)
  return `GX${day}${String(sequence).padStart(4, '0')}`
}

export const reportConflict = () => new Refused('report_conflict')

function earlierSubmission(
  existing: TicketRow,
  reporter: Reporter,
  requestHash: string,
): Submission {
  if (existing.owner_id !== reporter.ownerId || existing.request_hash !== requestHash) {
    throw reportConflict()
  }
  return { isNew: false, ticket: existing }
}

export function checkCreditCodeOf(input: Pick<ReportInput, 'business'>): boolean {
  const { checksum } = checkCreditCode(input.business.creditCode)
  if (checksum === 'ok') return false
  if (input.business.creditCodeConfirmed === true) return true
  throw refused('credit_code_checksum', 'business.creditCode')
}

async function servicePointOf(deps: SubmissionDeps, token: string | undefined) {
  if (token === undefined) return null
  const lookup = await resolveServicePointToken(deps.db, deps.codeSecret, token)
  if (lookup.kind === 'found') return lookup.point
  if (lookup.kind === 'retired') {
    throw refused('retired_code', 'servicePointToken')
  }
  throw refused('invalid_code', 'servicePointToken')
}

/** The business as an entity code names it: the code, not the form, is the word on it. */
export const businessOfEntity = (code: EntityCodeRow) => ({
  name: code.name,
  creditCode: code.credit_code,
  kind: code.kind,
})

export async function submitReport(
  deps: SubmissionDeps,
  reporter: Reporter,
  input: ReportInput,
): Promise<Submission> {
  const requestHash = canonicalHash(input)
  const existing = await findTicket(deps.db, input.id)
  if (existing) return earlierSubmission(existing, reporter, requestHash)
  const entity =
    input.entityToken === undefined
      ? null
      : await requireEntityCode(deps.db, deps.codeSecret, input.entityToken, 'entityToken')
  const business = entity ? businessOfEntity(entity) : input.business
  const isUnverified = entity ? false : checkCreditCodeOf(input)
  const point = await servicePointOf(deps, input.servicePointToken)
  const desk = point ? point.desk_division_code : receivingDesk(input.divisionCode)
  const { now } = deps.context
  try {
    return await deps.write(async (trx) => {
      const businessId = await upsertBusiness(trx, reporter.ownerId, business, now)
      await rememberPhone(
        trx,
        reporter.ownerId,
        hashPhone(deps.codeSecret, input.contact.phone),
        now,
      )
      const ticket = await submitTicket(
        trx,
        deps.context,
        {
          id: input.id,
          number: await ticketNumber(trx, now),
          verification_code: verificationCode(),
          request_hash: requestHash,
          owner_id: reporter.ownerId,
          device_id: reporter.deviceId,
          category: input.category,
          title: input.title,
          description: input.description,
          division_code: input.divisionCode,
          service_point_id: point?.id ?? null,
          business_id: businessId,
          business_name: business.name,
          business_credit_code: business.creditCode,
          business_kind: business.kind,
          credit_code_unverified: isUnverified ? 1 : 0,
          contact_name: input.contact.name,
          contact_phone: input.contact.phone,
          confidential: input.confidential ? 1 : 0,
          channel: point ? 'app_code' : 'app',
          entity_code_id: entity?.id ?? null,
        },
        desk,
        { role: 'owner', id: reporter.ownerId },
      )
      return { isNew: true, ticket, point: point && { id: point.id, name: point.name } }
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const winner = await findTicket(deps.db, input.id)
    if (!winner) throw error
    return earlierSubmission(winner, reporter, requestHash)
  }
}
