/**
 * Assisted intake (issue 16): a desk, a window clerk or a county workstation registers a report
 * taken by phone, at a window or handed down, with exactly the rules of an owner's report: the
 * client's id is the ticket's key, the same id and body again is the same ticket, another body (or
 * another registrar) is a 409, the credit code is checked, and jurisdiction decides the desk. The
 * ticket gets an owner of its own with no device until a phone claims it with the receipt.
 * Every refusal is thrown before anything is written.
 */
import { randomUUID } from 'node:crypto'
import type { IntakeChannel, IntakeInput, StaffRole } from '../contract.js'
import { receivingDesk } from '../domain/jurisdiction.js'
import { noticeFor } from '../domain/notification-texts.js'
import { findServicePoint } from '../storage/service-points.js'
import type { TicketRow } from '../storage/tickets.js'
import { findTicket } from '../storage/tickets.js'
import { isUniqueViolation } from '../storage/unique-violation.js'
import { requireEntityCode } from './entity-codes.js'
import { canonicalHash } from './idempotency.js'
import type { SubmissionDeps } from './report-submission.js'
import {
  businessOfEntity,
  checkCreditCodeOf,
  reportConflict,
  ticketNumber,
  verificationCode,
} from './report-submission.js'
import type { StaffMember } from './staff-scope.js'
import { enqueueNotification } from './notifications.js'
import { submitTicket } from './ticket-workflow.js'
import { Refused, refused } from './refused.js'

/** The app's claim screen, filled in: what the receipt's SMS link and QR open. */
export const claimPathOf = (number: string, code: string): string =>
  `/claim?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`

export type Intake = { isNew: boolean; ticket: TicketRow }

/** Who may register what (DOMAIN.md "channels"). */
const CHANNELS_BY_ROLE: Partial<Record<StaffRole, readonly IntakeChannel[]>> = {
  desk: ['phone', 'handed_down'],
  window: ['window'],
  workstation: ['phone', 'window'],
}

const channelNotAllowed = () => refused('channel_not_allowed', 'channel')

const outsideCounty = () => refused('outside_division', 'divisionCode')

const pointRetired = () => new Refused('service_point_retired')

type Placement = { desk: string; servicePointId: string | null }

/** Where the report goes: a window's to its point's desk, a workstation's to its county's. */
async function placementOf(
  deps: SubmissionDeps,
  staff: StaffMember,
  input: IntakeInput,
): Promise<Placement> {
  if (staff.role === 'window') {
    const point = staff.servicePointId
      ? await findServicePoint(deps.db, staff.servicePointId)
      : null
    if (!point || point.retired_at !== null) throw pointRetired()
    return { desk: point.desk_division_code, servicePointId: point.id }
  }
  if (staff.role === 'workstation') {
    if (staff.divisionCode === null || input.divisionCode !== staff.divisionCode) {
      throw outsideCounty()
    }
    return { desk: receivingDesk(staff.divisionCode), servicePointId: null }
  }
  return { desk: receivingDesk(input.divisionCode), servicePointId: null }
}

function earlierIntake(existing: TicketRow, staff: StaffMember, requestHash: string): Intake {
  if (existing.registered_by !== staff.id || existing.request_hash !== requestHash) {
    throw reportConflict()
  }
  return { isNew: false, ticket: existing }
}

export async function registerIntake(
  deps: SubmissionDeps,
  staff: StaffMember,
  input: IntakeInput,
): Promise<Intake> {
  const requestHash = canonicalHash(input)
  const existing = await findTicket(deps.db, input.id)
  if (existing) return earlierIntake(existing, staff, requestHash)
  if (!(CHANNELS_BY_ROLE[staff.role] ?? []).includes(input.channel)) throw channelNotAllowed()
  const placement = await placementOf(deps, staff, input)
  const entity =
    input.entityToken === undefined
      ? null
      : await requireEntityCode(deps.db, deps.codeSecret, input.entityToken, 'entityToken')
  const business = entity ? businessOfEntity(entity) : input.business
  const isUnverified = entity ? false : checkCreditCodeOf(input)
  const { now } = deps.context
  try {
    return await deps.write(async (trx) => {
      // The report's owner until a phone claims it: nobody's device, nobody else's tickets.
      const ownerId = randomUUID()
      await trx
        .insertInto('owners')
        .values({ id: ownerId, created_at: now.toISOString() })
        .execute()
      const ticket = await submitTicket(
        trx,
        deps.context,
        {
          id: input.id,
          number: await ticketNumber(trx, now),
          verification_code: verificationCode(),
          request_hash: requestHash,
          owner_id: ownerId,
          device_id: null,
          category: input.category,
          title: input.title,
          description: input.description,
          division_code: input.divisionCode,
          service_point_id: placement.servicePointId,
          business_id: null,
          business_name: business.name,
          business_credit_code: business.creditCode,
          business_kind: business.kind,
          credit_code_unverified: isUnverified ? 1 : 0,
          contact_name: input.contact.name,
          contact_phone: input.contact.phone,
          confidential: input.confidential ? 1 : 0,
          channel: input.channel,
          registered_by: staff.id,
          handed_down_issuer: input.handedDown?.issuer ?? null,
          handed_down_document: input.handedDown?.documentNumber ?? null,
          entity_code_id: entity?.id ?? null,
        },
        placement.desk,
        { role: staff.role, id: staff.id },
      )
      // The receipt by SMS, on the same transaction: sent once, and never for a rolled-back intake.
      await enqueueNotification(
        trx,
        {
          dedupeKey: `receipt:${ticket.id}`,
          notice: noticeFor('receipt', {
            number: ticket.number,
            status: ticket.status,
            confidential: false,
            code: ticket.verification_code,
          }),
          ticketId: ticket.id,
          number: ticket.number,
          status: ticket.status,
          path: claimPathOf(ticket.number, ticket.verification_code),
        },
        { phone: ticket.contact_phone },
        now,
      )
      return { isNew: true, ticket }
    })
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const winner = await findTicket(deps.db, input.id)
    if (!winner) throw error
    return earlierIntake(winner, staff, requestHash)
  }
}
