// Staff route tests: the seeded demo accounts plus accounts for scope tests, signing in through
// the real route, and tickets made and moved through the workflow as the routes would.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import type { Category, StaffRole } from '../contract.js'
import { STAFF_COOKIE } from '../plugins/staff-auth.js'
import type { Database } from '../storage/database.js'
import { seedDemo } from '../storage/seed.js'
import { createStaff } from '../storage/staff-accounts.js'
import type { TicketRow } from '../storage/tickets.js'
import { loadCalendar } from '../workflow/calendar.js'
import type { TicketEvent, WorkflowActor } from '../workflow/ticket-workflow.js'
import { applyTicketEvent, submitTicket } from '../workflow/ticket-workflow.js'
import type { TestStore } from './databases.js'
import { FIXED_NOW } from './test-app.js'

export const STAFF_PASSWORD = 'a-long-staff-password'

/** Accounts beyond the demo seed: a second Nanning unit, a Liuzhou unit, the Liuzhou office. */
export const EXTRA_STAFF: readonly {
  username: string
  role: StaffRole
  divisionCode: string | null
  unitId: string | null
}[] = [
  { username: 'unit.nanning.tax', role: 'unit', divisionCode: '450100', unitId: 'nanning-tax' },
  { username: 'unit.liuzhou.amr', role: 'unit', divisionCode: '450200', unitId: 'liuzhou-amr' },
  { username: 'office.liuzhou', role: 'office', divisionCode: '450200', unitId: null },
]

/** The demo seed (with STAFF_PASSWORD) plus EXTRA_STAFF. Hashing costs ~1.5 s: once per file. */
export async function seedStaff(store: TestStore): Promise<void> {
  await seedDemo(store.db, { password: STAFF_PASSWORD, now: FIXED_NOW })
  for (const member of EXTRA_STAFF) {
    await createStaff(
      store.db,
      { ...member, displayName: member.username, password: STAFF_PASSWORD },
      FIXED_NOW,
    )
  }
}

export const signInRequest = (username: string, password = STAFF_PASSWORD) => ({
  method: 'POST' as const,
  url: '/api/staff/session',
  payload: { username, password },
})

/** Signs in and returns the cookies to send with later requests. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = STAFF_PASSWORD,
): Promise<Record<string, string>> {
  const res = await app.inject(signInRequest(username, password))
  expect(res.statusCode, res.body).toBe(200)
  return { [STAFF_COOKIE]: sessionCookie(res)?.value ?? '' }
}

export const sessionCookie = (res: LightMyRequestResponse) =>
  res.cookies.find((cookie) => cookie.name === STAFF_COOKIE)

export type TicketSpec = {
  divisionCode?: string
  deskDivisionCode?: string
  category?: Category
  title?: string
  description?: string
  confidential?: boolean
  phone?: string
  now?: Date
}

/** A submitted ticket of a new owner, through the workflow's submit (as POST /api/reports does). */
export async function reportTicket(
  db: Kysely<Database>,
  spec: TicketSpec = {},
): Promise<TicketRow> {
  const now = spec.now ?? FIXED_NOW
  const ownerId = randomUUID()
  await db.insertInto('owners').values({ id: ownerId, created_at: now.toISOString() }).execute()
  const id = randomUUID()
  const context = { now, calendar: await loadCalendar(db) }
  return db.transaction().execute((trx) =>
    submitTicket(
      trx,
      context,
      {
        id,
        number: `GX${id.slice(0, 8)}`,
        verification_code: 'ABC234',
        request_hash: id,
        owner_id: ownerId,
        device_id: null,
        category: spec.category ?? 'complaint',
        title: spec.title ?? '营业执照变更登记一个月没办好',
        description:
          spec.description ?? '窗口说材料不全，但没有告诉我缺什么，营业执照变更拖了一个月。',
        division_code: spec.divisionCode ?? '450103',
        service_point_id: null,
        business_id: null,
        business_name: '青秀小店',
        business_credit_code: '91450100MA5K000000',
        business_kind: 'individual',
        contact_name: '张三',
        contact_phone: spec.phone ?? '13800001234',
        confidential: spec.confidential === true ? 1 : 0,
      },
      spec.deskDivisionCode ?? '450100',
      { role: 'owner', id: ownerId },
    ),
  )
}

export async function staffActor(db: Kysely<Database>, username: string): Promise<WorkflowActor> {
  const row = await db
    .selectFrom('staff')
    .select(['id', 'role', 'unit_id', 'division_code'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
  return { role: row.role, id: row.id, unitId: row.unit_id, divisionCode: row.division_code }
}

/** Applies events in order, each in its own transaction, as the named staff at `now`. */
export async function advance(
  db: Kysely<Database>,
  ticketId: string,
  steps: readonly (readonly [TicketEvent, string])[],
  now: Date = FIXED_NOW,
): Promise<TicketRow> {
  const context = { now, calendar: await loadCalendar(db) }
  let row: TicketRow | undefined
  for (const [event, username] of steps) {
    const actor = await staffActor(db, username)
    row = await db
      .transaction()
      .execute((trx) => applyTicketEvent(trx, context, ticketId, event, actor))
  }
  if (!row) throw new Error('no steps')
  return row
}

/** Accepted by the Nanning desk and dispatched to the Nanning AMR (lead) and tax bureau (co). */
export const DISPATCH_STEPS = [
  [{ type: 'accept' }, 'desk.nanning'],
  [{ type: 'dispatch', leadUnitId: 'nanning-amr', coUnitIds: ['nanning-tax'] }, 'desk.nanning'],
] as const satisfies readonly (readonly [TicketEvent, string])[]
