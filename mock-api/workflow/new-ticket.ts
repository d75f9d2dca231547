/**
 * A new ticket, built one way whoever writes it: an owner's report (report-submission.ts, Open311
 * too) or a report staff register for someone (intake.ts). What they share: the client's id is
 * the ticket's key, so the same id again answers with the ticket it made (a concurrent duplicate
 * loses on the primary key and is answered alike); the business comes from a scanned entity code
 * (and is then verified) or from the form (its credit code checked); the number is the day's next
 * and the verification code random. What differs between them, the caller says in a TicketOrigin,
 * one field each.
 */
import { randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { BusinessKind, Channel, ReportInput } from '../contract.js'
import { chinaDateOf } from '../domain/china-time.js'
import { checkCreditCode } from '../shared/credit-code.js'
import { nextCounter } from '../storage/counters.js'
import type { Database } from '../storage/database.js'
import type { EntityCodeRow } from '../storage/entity-codes.js'
import type { TicketRow } from '../storage/tickets.js'
import { findTicket } from '../storage/tickets.js'
import { isUniqueViolation } from '../storage/unique-violation.js'
import { requireEntityCode } from './entity-codes.js'
import { canonicalHash } from './idempotency.js'
import { Refused, refused } from './refused.js'
import type { NewTicket } from './ticket-workflow.js'

type Db = Kysely<Database>

// No 0/O, 1/I/L: the code is read aloud and typed from paper.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 6

export const verificationCode = () =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')

/** GX + yymmdd (China date) + the day's sequence, at least 4 digits: GX2602130001. */
export async function ticketNumber(db: Db, now: Date): Promise<string> {
  const day = chinaDateOf(now).slice(2).replaceAll('-', '')
  const sequence = await nextCounter(db, `ticket:${day}`)
  return `GX${day}${String(sequence).padStart(4, '0')}`
}

/** The id was used before with another body, or by someone else. */
export const reportConflict = () => new Refused('report_conflict')

/**
 * The report once per id. The same id again answers with its ticket: `earlier` is given it and
 * the body's hash, and refuses what is not a replay. Otherwise `create` makes the ticket; when a
 * concurrent request with the same id wins the insert, its ticket is answered the same way.
 */
export async function oncePerReport<T>(
  db: Db,
  input: { id: string },
  earlier: (existing: TicketRow, requestHash: string) => T,
  create: (requestHash: string) => Promise<T>,
): Promise<T> {
  const requestHash = canonicalHash(input)
  const existing = await findTicket(db, input.id)
  if (existing) return earlier(existing, requestHash)
  try {
    return await create(requestHash)
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const winner = await findTicket(db, input.id)
    if (!winner) throw error
    return earlier(winner, requestHash)
  }
}

/** True when the credit code fails its check but the reporter confirmed it; else a refusal. */
export function checkCreditCodeOf(input: Pick<ReportInput, 'business'>): boolean {
  const { checksum } = checkCreditCode(input.business.creditCode)
  if (checksum === 'ok') return false
  if (input.business.creditCodeConfirmed === true) return true
  throw refused('credit_code_checksum', 'business.creditCode')
}

/** The business as an entity code names it: the code, not the form, is the word on it. */
export const businessOfEntity = (code: EntityCodeRow) => ({
  name: code.name,
  creditCode: code.credit_code,
  kind: code.kind,
})

export type ReportedBusiness = {
  business: { name: string; creditCode: string; kind: BusinessKind }
  /** The credit code fails its check character and the reporter confirmed it anyway. */
  isUnverified: boolean
  /** The entity code that named the business, which verifies it. */
  entityCodeId: string | null
}

/** The business a report names: by its entity code when one was scanned, else as typed. */
export async function reportedBusiness(
  deps: { db: Db; codeSecret: string },
  input: Pick<ReportInput, 'business' | 'entityToken'>,
): Promise<ReportedBusiness> {
  if (input.entityToken === undefined) {
    return { business: input.business, isUnverified: checkCreditCodeOf(input), entityCodeId: null }
  }
  const entity = await requireEntityCode(deps.db, deps.codeSecret, input.entityToken, 'entityToken')
  return { business: businessOfEntity(entity), isUnverified: false, entityCodeId: entity.id }
}

/** What differs between an owner's report and a registered one: each caller says every field. */
export type TicketOrigin = {
  /** How it came in: app or app_code (an owner's report, by whether a window code was scanned);
   * phone, window or handed_down (registered by staff). */
  channel: Channel
  /** The reporter's own owner; for a registered report a new owner of its own, no device. */
  ownerId: string
  /** The device that sent it; null when staff registered it (until a phone claims it). */
  deviceId: string | null
  /** The owner's business record, which an owner's report keeps up; null when registered. */
  businessId: string | null
  /** The window it came through: the scanned code's point, or the window clerk's own point. */
  servicePointId: string | null
  /** The staff member who registered it; null for an owner's report. */
  registeredBy: string | null
  /** A matter handed down (上级转办交办): who issued it, and the document's number. */
  handedDown: { issuer: string; documentNumber: string } | null
}

/** What the form says, in either kind of report: the contact is the one written on it. */
export type ReportedFields = Pick<
  ReportInput,
  'id' | 'category' | 'title' | 'description' | 'divisionCode' | 'contact' | 'confidential'
>

/** The new ticket's columns, for submitTicket (ticket-workflow.ts) to insert at its desk. */
export async function newTicketRow(
  trx: Db,
  now: Date,
  report: { input: ReportedFields; requestHash: string; reported: ReportedBusiness },
  origin: TicketOrigin,
): Promise<NewTicket> {
  const { input, requestHash, reported } = report
  const { business } = reported
  return {
    id: input.id,
    number: await ticketNumber(trx, now),
    verification_code: verificationCode(),
    request_hash: requestHash,
    owner_id: origin.ownerId,
    device_id: origin.deviceId,
    category: input.category,
    title: input.title,
    description: input.description,
    division_code: input.divisionCode,
    service_point_id: origin.servicePointId,
    business_id: origin.businessId,
    business_name: business.name,
    business_credit_code: business.creditCode,
    business_kind: business.kind,
    credit_code_unverified: reported.isUnverified ? 1 : 0,
    contact_name: input.contact.name,
    contact_phone: input.contact.phone,
    confidential: input.confidential ? 1 : 0,
    channel: origin.channel,
    registered_by: origin.registeredBy,
    handed_down_issuer: origin.handedDown?.issuer ?? null,
    handed_down_document: origin.handedDown?.documentNumber ?? null,
    entity_code_id: reported.entityCodeId,
  }
}
