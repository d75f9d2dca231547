// Fixtures for workflow tests: an owner, two units, a submitted ticket, and a way to apply events
// at a given time, each in its own transaction as a route would.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { createHolidayCalendar } from '../domain/holidays.js'
import type { Database } from '../storage/database.js'
import type { TicketRow } from '../storage/tickets.js'
import type {
  ApplyOptions,
  TicketEvent,
  WorkflowActor,
  WorkflowContext,
} from '../workflow/ticket-workflow.js'
import { applyTicketEvent, submitTicket } from '../workflow/ticket-workflow.js'

export const LEAD_UNIT = 'wf-unit-lead'
export const CO_UNIT = 'wf-unit-co'
export const FRIDAY = new Date('2026-02-13T02:00:00.000Z')

export const WF_ACTORS = {
  desk: { role: 'desk', id: 'staff-desk' },
  office: { role: 'office', id: 'staff-office', divisionCode: '450100' },
  lead: { role: 'unit', id: 'staff-lead', unitId: LEAD_UNIT },
  coUnit: { role: 'unit', id: 'staff-co', unitId: CO_UNIT },
  system: { role: 'system', id: null },
} as const satisfies Record<string, WorkflowActor>

const calendar = createHolidayCalendar()

export const contextAt = (now: Date): WorkflowContext => ({ now, calendar })

export async function insertUnits(db: Kysely<Database>): Promise<void> {
  const at = FRIDAY.toISOString()
  await db
    .insertInto('units')
    .values(
      [LEAD_UNIT, CO_UNIT].map((id) => ({
        id,
        name: id,
        level: 'city' as const,
        division_code: '450100',
        created_at: at,
        retired_at: null,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function insertOwner(db: Kysely<Database>): Promise<string> {
  const id = randomUUID()
  await db.insertInto('owners').values({ id, created_at: FRIDAY.toISOString() }).execute()
  return id
}

/** A submitted complaint of a new owner, at FRIDAY unless told otherwise. */
export async function submittedTicket(db: Kysely<Database>, now = FRIDAY): Promise<TicketRow> {
  const ownerId = await insertOwner(db)
  const id = randomUUID()
  return db.transaction().execute((trx) =>
    submitTicket(
      trx,
      contextAt(now),
      {
        id,
        number: `GX${id.slice(0, 10)}`,
        verification_code: 'ABC234',
        request_hash: 'hash',
        owner_id: ownerId,
        device_id: null,
        category: 'complaint',
        title: '办证太慢',
        description: '营业执照变更等了一个月。',
        division_code: '450103',
        service_point_id: null,
        business_id: null,
        business_name: '青秀小店',
        business_credit_code: '91450100MA5K000000',
        business_kind: 'individual',
        contact_name: '张三',
        contact_phone: '13800001234',
        confidential: 0,
      },
      '450100',
      { role: 'owner', id: ownerId },
    ),
  )
}

export const apply = (
  db: Kysely<Database>,
  ticket: string | TicketRow,
  event: TicketEvent,
  actor: WorkflowActor,
  now: Date = FRIDAY,
  options?: ApplyOptions,
): Promise<TicketRow> =>
  db
    .transaction()
    .execute((trx) => applyTicketEvent(trx, contextAt(now), ticket, event, actor, options))

export const ownerOf = (ticket: TicketRow): WorkflowActor => ({
  role: 'owner',
  id: ticket.owner_id,
})

/** A ticket walked to `replied` through the desk and the lead unit, all at FRIDAY. */
export async function repliedTicket(db: Kysely<Database>): Promise<TicketRow> {
  const ticket = await submittedTicket(db)
  const { desk, lead } = WF_ACTORS
  await apply(db, ticket.id, { type: 'accept' }, desk)
  await apply(db, ticket.id, { type: 'dispatch', leadUnitId: LEAD_UNIT }, desk)
  await apply(db, ticket.id, { type: 'sign' }, lead)
  await apply(db, ticket.id, { type: 'contact', channel: 'phone', summary: '已联系。' }, lead)
  await apply(db, ticket.id, { type: 'reply', reply: '已办结。' }, lead)
  return apply(db, ticket.id, { type: 'approve_reply' }, desk)
}

export const countRows = async (
  db: Kysely<Database>,
  table: 'ticket_history' | 'ticket_events' | 'ratings' | 'ticket_units',
  ticketId: string,
): Promise<number> => {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
