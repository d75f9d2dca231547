/**
 * A report becomes a ticket exactly once. The client's id is the ticket's primary key: the same
 * id and body again (a retry, a second tab) is the same ticket; another body, or another owner,
 * is a conflict that reveals nothing. A concurrent duplicate loses on the primary key and is then
 * answered like a retry. Checks that can refuse run before anything is written.
 */
import type { Kysely } from 'kysely'
import type { ReportInput, Ticket } from '../contract.js'
import { receivingDesk } from '../domain/jurisdiction.js'
import type { Database } from '../storage/database.js'
import type { WriteTransaction } from '../storage/group-commit.js'
import { hashPhone, rememberPhone, upsertBusiness } from '../storage/owners.js'
import type { HistoryRow, TicketRow } from '../storage/tickets.js'
import { newTicketRow, oncePerReport, reportConflict, reportedBusiness } from './new-ticket.js'
import type { WorkflowContext } from './ticket-workflow.js'
import { submitNewTicket } from './ticket-workflow.js'
import { loadOwnerTicket, newOwnerTicket } from './ticket-views.js'
import { refused } from './refused.js'
import { lookUpWindowCode } from './window-codes.js'

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
  | {
      isNew: true
      ticket: TicketRow
      /** Its history as written: the submit entry. */
      history: HistoryRow[]
      point: { id: string; name: string } | null
    }
  | { isNew: false; ticket: TicketRow }

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

async function servicePointOf(deps: SubmissionDeps, token: string | undefined) {
  if (token === undefined) return null
  const lookup = await lookUpWindowCode(deps.db, deps.codeSecret, token)
  if (lookup.kind === 'found') return lookup.point
  if (lookup.kind === 'retired') {
    throw refused('retired_code', 'servicePointToken')
  }
  throw refused('invalid_code', 'servicePointToken')
}

export async function submitReport(
  deps: SubmissionDeps,
  reporter: Reporter,
  input: ReportInput,
): Promise<Submission> {
  const earlier = (existing: TicketRow, hash: string) => earlierSubmission(existing, reporter, hash)
  return oncePerReport(deps.db, input, earlier, async (requestHash) => {
    const reported = await reportedBusiness(deps, input)
    const point = await servicePointOf(deps, input.servicePointToken)
    const desk = point ? point.desk_division_code : receivingDesk(input.divisionCode)
    const { now } = deps.context
    return deps.write(async (trx) => {
      const businessId = await upsertBusiness(trx, reporter.ownerId, reported.business, now)
      await rememberPhone(
        trx,
        reporter.ownerId,
        hashPhone(deps.codeSecret, input.contact.phone),
        now,
      )
      const row = await newTicketRow(
        trx,
        now,
        { input, requestHash, reported },
        {
          channel: point ? 'app_code' : 'app',
          ownerId: reporter.ownerId,
          deviceId: reporter.deviceId,
          businessId,
          servicePointId: point?.id ?? null,
          registeredBy: null,
          handedDown: null,
        },
      )
      const { ticket, history } = await submitNewTicket(trx, deps.context, row, desk, {
        role: 'owner',
        id: reporter.ownerId,
      })
      return { isNew: true, ticket, history, point: point && { id: point.id, name: point.name } }
    })
  })
}

/**
 * A report's use case as the owner's API answers it (`POST /reports`, each report of
 * `POST /reports/batch`): submitted once per client id, then the owner's view of the ticket —
 * the new one, or the one this id already made.
 */
export async function submitReportForOwner(
  deps: SubmissionDeps,
  reporter: Reporter,
  input: ReportInput,
): Promise<{ isNew: boolean; ticket: Ticket }> {
  const submission = await submitReport(deps, reporter, input)
  const ticket = submission.isNew
    ? newOwnerTicket(submission.ticket, submission.history, submission.point, deps.context)
    : await loadOwnerTicket(deps.db, submission.ticket, deps.context)
  return { isNew: submission.isNew, ticket }
}
