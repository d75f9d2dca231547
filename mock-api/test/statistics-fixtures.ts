// Statistics route tests: six tickets walked through the real workflow, with hand-countable rates.
import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Category } from '../contract.js'
import { createHolidayCalendar } from '../domain/holidays.js'
import { receivingDesk } from '../domain/jurisdiction.js'
import type { Database } from '../storage/database.js'
import type { TicketEvent, WorkflowActor } from '../workflow/ticket-workflow.js'
import { applyTicketEvent, submitTicket } from '../workflow/ticket-workflow.js'
import { insertOwner } from './workflow-fixtures.js'

type Step = { event: TicketEvent; actor: WorkflowActor; at?: string }

const calendar = createHolidayCalendar()
const FRIDAY = '2026-02-13T02:00:00.000Z'
const DESK: WorkflowActor = { role: 'desk', id: null }
const unit = (unitId: string): WorkflowActor => ({ role: 'unit', id: null, unitId })

/** Accepted, dispatched, signed for, replied and approved, when the ticket was created. */
const handled = (unitId: string): Step[] => [
  { event: { type: 'accept' }, actor: DESK },
  { event: { type: 'dispatch', leadUnitId: unitId }, actor: DESK },
  { event: { type: 'sign' }, actor: unit(unitId) },
  { event: { type: 'contact', channel: 'phone', summary: '已电话联系。' }, actor: unit(unitId) },
  { event: { type: 'reply', reply: '已处理。' }, actor: unit(unitId) },
  { event: { type: 'approve_reply' }, actor: DESK },
]

async function ticket(
  db: Kysely<Database>,
  facts: { category: Category; title: string; divisionCode: string; at?: string },
  steps: readonly Step[] = [],
): Promise<void> {
  const ownerId = await insertOwner(db)
  const id = randomUUID()
  const createdAt = new Date(facts.at ?? FRIDAY)
  await db.transaction().execute((trx) =>
    submitTicket(
      trx,
      { now: createdAt, calendar },
      {
        id,
        number: `GX${id.slice(0, 12)}`,
        verification_code: 'ABC234',
        request_hash: id,
        owner_id: ownerId,
        device_id: null,
        category: facts.category,
        title: facts.title,
        description: '请尽快处理。',
        division_code: facts.divisionCode,
        service_point_id: null,
        business_id: null,
        business_name: '小店',
        business_credit_code: '91450100MA5K000000',
        business_kind: 'individual',
        contact_name: '张三',
        contact_phone: '13800001234',
        confidential: 0,
      },
      receivingDesk(facts.divisionCode),
      { role: 'owner', id: ownerId },
    ),
  )
  for (const step of steps) {
    const now = new Date(step.at ?? facts.at ?? FRIDAY)
    const isOwners = step.event.type === 'rate' || step.event.type === 'withdraw'
    const actor: WorkflowActor = isOwners ? { role: 'owner', id: ownerId } : step.actor
    await db
      .transaction()
      .execute((trx) => applyTicketEvent(trx, { now, calendar }, id, step.event, actor))
  }
}

/**
 * Six tickets. Nanning: A complaint (closed satisfied, 3 working days over the Spring Festival),
 * B help (closed basic/partly on a return visit, same day), D consultation (withdrawn), E help
 * (January, still submitted). Liuzhou: C report (March, dissatisfied). Region: F suggestion
 * (accepted late, answered directly).
 */
export async function seedTickets(db: Kysely<Database>): Promise<void> {
  const rating = { resolved: 'yes', satisfaction: 'satisfied' } as const
  await ticket(db, { category: 'complaint', title: '营业执照变更太慢', divisionCode: '450103' }, [
    ...handled('nanning-amr'),
    { event: { type: 'rate', ...rating }, actor: DESK, at: '2026-02-25T02:00:00.000Z' },
  ])
  await ticket(db, { category: 'help', title: '社保缴费问题', divisionCode: '450100' }, [
    ...handled('nanning-hrss'),
    { event: { type: 'record_rating', resolved: 'partly', satisfaction: 'basic' }, actor: DESK },
  ])
  await ticket(db, { category: 'consultation', title: '咨询', divisionCode: '450103' }, [
    { event: { type: 'withdraw' }, actor: DESK },
  ])
  const january = '2026-01-30T02:00:00.000Z'
  await ticket(db, { category: 'help', title: '求助', divisionCode: '450110', at: january })
  const march = '2026-03-02T02:00:00.000Z'
  await ticket(db, { category: 'report', title: '假冒伪劣', divisionCode: '450204', at: march }, [
    ...handled('liuzhou-amr'),
    {
      event: { type: 'rate', resolved: 'no', satisfaction: 'dissatisfied', reason: '没变化' },
      actor: DESK,
    },
  ])
  await ticket(db, { category: 'suggestion', title: '建议', divisionCode: '450000' }, [
    { event: { type: 'accept' }, actor: DESK, at: '2026-02-25T02:00:00.000Z' },
    { event: { type: 'answer', reply: '已采纳。' }, actor: DESK, at: '2026-02-25T02:00:00.000Z' },
  ])
}
