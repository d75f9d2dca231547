import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../storage/database.js'
import type { DbHandle } from '../storage/database.js'
import { databases, useStore } from '../test/databases.js'
import { capturingPush, capturingSms, senderOver } from '../test/notification-fixtures.js'
import { testClock } from '../test/test-app.js'
import {
  FRIDAY,
  WF_ACTORS,
  apply,
  contextAt,
  insertUnits,
  submittedTicket,
} from '../test/workflow-fixtures.js'
import { sendDueNotifications } from './notification-sender.js'
import { notifyLinkCode } from './notifications.js'
import { applyTicketEvent } from './ticket-workflow.js'

const { desk } = WF_ACTORS
const MINUTE = 60_000

const rowsOf = (db: DbHandle, ticketId: string) =>
  db.db
    .selectFrom('notifications')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .execute()

describe.each(databases)('the notification sender on $name', (database) => {
  const store = useStore(database)
  beforeAll(() => insertUnits(store().db))

  it('sends a committed event once, even after a crash between commit and send', async () => {
    const db = store()
    const ticket = await submittedTicket(db.db)
    await apply(
      db.db,
      ticket.id,
      { type: 'refuse', basis: '属于民事纠纷，请通过12315反映。' },
      desk,
    )
    // Nothing ran the sender: the process "died" after the commit. A new one finds the row.
    const sms = capturingSms()
    const clock = testClock(FRIDAY)
    await sendDueNotifications(senderOver(db, clock, { sms }))
    await sendDueNotifications(senderOver(db, clock, { sms }))
    const mine = sms.sent.filter((message) => message.ticketId === ticket.id)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ to: '13800001234', kind: 'not_accepted' })
    expect(mine[0]?.text).toContain('属于民事纠纷，请通过12315反映。')
    expect(mine[0]?.text).toContain(`https://gs.example.cn/tickets/${ticket.id}`)
    expect(await rowsOf(db, ticket.id)).toMatchObject([{ status: 'sent', answer: 'ok' }])
  })

  it('takes over a row whose sender died mid-send once the lease runs out, and only then', async () => {
    const db = store()
    const ticket = await submittedTicket(db.db)
    await apply(db.db, ticket.id, { type: 'accept' }, desk)
    const clock = testClock(FRIDAY)
    // Sender A claims, then dies before it delivers or records anything.
    const dead = capturingSms()
    const deadDeps = senderOver(db, clock, { sms: dead }, { claimant: 'a', leaseMs: MINUTE })
    await db.write((trx) =>
      trx
        .updateTable('notifications')
        .set({
          status: 'sending',
          claimed_by: 'a',
          claimed_until: new Date(FRIDAY.getTime() + MINUTE).toISOString(),
        })
        .where('ticket_id', '=', ticket.id)
        .execute(),
    )
    const sms = capturingSms()
    const survivor = senderOver(db, clock, { sms }, { claimant: 'b' })
    await sendDueNotifications(survivor)
    expect(sms.sent.filter((m) => m.ticketId === ticket.id)).toHaveLength(0)
    clock.set(new Date(FRIDAY.getTime() + MINUTE))
    await sendDueNotifications(survivor)
    await sendDueNotifications(deadDeps)
    expect(sms.sent.filter((m) => m.ticketId === ticket.id)).toHaveLength(1)
    expect(dead.sent).toHaveLength(0)
  })

  it('sends nothing for a write that rolled back', async () => {
    const db = store()
    const ticket = await submittedTicket(db.db)
    const failing = db.write(async (trx) => {
      await applyTicketEvent(trx, contextAt(FRIDAY), ticket.id, { type: 'accept' }, desk)
      throw new Error('the rest of the write failed')
    })
    await expect(failing).rejects.toThrow('the rest of the write failed')
    const sms = capturingSms()
    await sendDueNotifications(senderOver(db, testClock(FRIDAY), { sms }))
    expect(sms.sent.filter((m) => m.ticketId === ticket.id)).toEqual([])
    expect(await rowsOf(db, ticket.id)).toEqual([])
  })

  it('holds SMS in quiet hours until 08:00 China time, but not an urgent code', async () => {
    const db = store()
    const evening = new Date('2026-02-13T22:30:00+08:00')
    const ticket = await submittedTicket(db.db, evening)
    await apply(db.db, ticket.id, { type: 'accept' }, desk, evening)
    await db.write((trx) =>
      notifyLinkCode(
        trx,
        { id: `code-${ticket.id}`, phone: '13900005678', code: '482913' },
        evening,
      ),
    )
    const sms = capturingSms()
    const clock = testClock(evening)
    const round = await sendDueNotifications(senderOver(db, clock, { sms }))
    expect(sms.sent.map((m) => m.kind)).toEqual(['link_code'])
    expect(round.held).toBeGreaterThanOrEqual(1)
    const [held] = await rowsOf(db, ticket.id)
    expect(held).toMatchObject({ status: 'pending', attempts: 0 })
    expect(held?.not_before).toBe(new Date('2026-02-14T08:00:00+08:00').toISOString())

    clock.set(new Date('2026-02-14T07:59:00+08:00'))
    await sendDueNotifications(senderOver(db, clock, { sms }))
    expect(sms.sent.filter((m) => m.ticketId === ticket.id)).toHaveLength(0)
    clock.set(new Date('2026-02-14T08:00:00+08:00'))
    await sendDueNotifications(senderOver(db, clock, { sms }))
    expect(sms.sent.filter((m) => m.ticketId === ticket.id)).toHaveLength(1)
  })

  it('sends a phone at most the daily cap and the rest the next morning', async () => {
    const db = store()
    const monday = new Date('2026-03-02T10:00:00+08:00')
    const later = new Date('2026-03-02T10:01:00+08:00')
    const ticket = await submittedTicket(db.db, monday)
    const phone = `1390000${String(Date.now()).slice(-4)}`
    await db.db
      .updateTable('tickets')
      .set({ contact_phone: phone })
      .where('id', '=', ticket.id)
      .execute()
    await apply(db.db, ticket.id, { type: 'accept' }, desk, monday)
    await apply(db.db, ticket.id, { type: 'dispatch', leadUnitId: 'wf-unit-lead' }, desk, later)
    const sms = capturingSms()
    const clock = testClock(later)
    await sendDueNotifications(senderOver(db, clock, { sms }, { smsDailyLimit: 1 }))
    expect(sms.sent.filter((m) => m.to === phone).map((m) => m.kind)).toEqual(['accepted'])
    const dispatched = (await rowsOf(db, ticket.id)).find((row) => row.event === 'dispatched')
    expect(dispatched).toMatchObject({
      status: 'pending',
      attempts: 0,
      not_before: new Date('2026-03-03T08:00:00+08:00').toISOString(),
    })
    clock.set(new Date('2026-03-03T08:00:00+08:00'))
    await sendDueNotifications(senderOver(db, clock, { sms }, { smsDailyLimit: 1 }))
    expect(sms.sent.filter((m) => m.to === phone).map((m) => m.kind)).toEqual([
      'accepted',
      'dispatched',
    ])
  })

  it('retries with backoff and gives up after the bounded time, as a failure', async () => {
    const db = store()
    const ticket = await submittedTicket(db.db)
    await apply(db.db, ticket.id, { type: 'accept' }, desk)
    const sms = capturingSms()
    sms.answer = { kind: 'retry', answer: 'HTTP 503' }
    const clock = testClock(FRIDAY)
    const deps = senderOver(db, clock, { sms }, { giveUpAfterMs: 10 * MINUTE })
    await sendDueNotifications(deps)
    expect(await rowsOf(db, ticket.id)).toMatchObject([
      {
        status: 'pending',
        attempts: 1,
        answer: 'HTTP 503',
        not_before: new Date(FRIDAY.getTime() + 30_000).toISOString(),
      },
    ])
    for (let minute = 1; minute <= 12; minute++) {
      clock.set(new Date(FRIDAY.getTime() + minute * MINUTE))
      await sendDueNotifications(deps)
    }
    const [row] = await rowsOf(db, ticket.id)
    expect(row).toMatchObject({ status: 'failed', answer: 'HTTP 503' })
    expect(row?.attempts).toBeGreaterThan(2)
    expect(row?.attempts).toBeLessThan(8)
  })

  it('deletes a push subscription the push service says is gone', async () => {
    const db = store()
    const ticket = await submittedTicket(db.db)
    const deviceId = `device-${ticket.id}`
    await db.db
      .insertInto('devices')
      .values({
        id: deviceId,
        owner_id: ticket.owner_id,
        credential_hash: `hash-${ticket.id}`,
        created_at: FRIDAY.toISOString(),
        last_seen_at: null,
        revoked_at: null,
      })
      .execute()
    await db.db
      .insertInto('push_subscriptions')
      .values({
        id: `sub-${ticket.id}`,
        device_id: deviceId,
        endpoint: `https://push.example/${ticket.id}`,
        p256dh: 'k',
        auth: 'a',
        locale: 'en',
        created_at: FRIDAY.toISOString(),
      })
      .execute()
    await apply(db.db, ticket.id, { type: 'accept' }, desk)
    const push = capturingPush()
    push.answer = { kind: 'gone', answer: 'HTTP 410' }
    await sendDueNotifications(senderOver(db, testClock(FRIDAY), { sms: capturingSms(), push }))
    expect(push.sent).toHaveLength(1)
    expect(JSON.parse(push.sent[0]?.payload ?? '{}')).toMatchObject({
      ticketId: ticket.id,
      title: `Ticket ${ticket.number}`,
      body: 'Your report has been accepted.',
      status: 'accepted',
    })
    const left = await db.db
      .selectFrom('push_subscriptions')
      .select('id')
      .where('device_id', '=', deviceId)
      .execute()
    expect(left).toEqual([])
    const push2 = (await rowsOf(db, ticket.id)).find((row) => row.channel === 'push')
    expect(push2).toMatchObject({ status: 'dropped', answer: 'HTTP 410' })
  })
})

describe.each(databases)('two senders at once on $name', (database) => {
  const store = useStore(database)
  let second: DbHandle | undefined
  beforeAll(() => insertUnits(store().db))
  afterAll(async () => {
    await second?.close()
  })

  it('send every row exactly once between them', async () => {
    const db = store()
    // PostgreSQL: a second API instance with its own pool on the same database. SQLite has one
    // process per store, so there the two senders share the handle.
    second = database.name === 'postgres' ? createDb(db.config) : undefined
    const ids: string[] = []
    for (let n = 0; n < 12; n++) {
      const ticket = await submittedTicket(db.db)
      await apply(db.db, ticket.id, { type: 'accept' }, desk)
      ids.push(ticket.id)
    }
    const clock = testClock(FRIDAY)
    const one = capturingSms(5)
    const two = capturingSms(5)
    await Promise.all([
      sendDueNotifications(
        senderOver(db, clock, { sms: one }, { claimant: 'one', batch: 4, smsDailyLimit: 100 }),
      ),
      sendDueNotifications(
        senderOver(
          second ?? db,
          clock,
          { sms: two },
          { claimant: 'two', batch: 4, smsDailyLimit: 100 },
        ),
      ),
      sendDueNotifications(
        senderOver(db, clock, { sms: one }, { claimant: 'three', batch: 4, smsDailyLimit: 100 }),
      ),
      sendDueNotifications(
        senderOver(
          second ?? db,
          clock,
          { sms: two },
          { claimant: 'four', batch: 4, smsDailyLimit: 100 },
        ),
      ),
    ])
    const sent = [...one.sent, ...two.sent].map((m) => m.ticketId)
    expect(sent.filter((id) => id !== null && ids.includes(id)).sort()).toEqual([...ids].sort())
    expect(new Set(sent).size).toBe(sent.length)
  })
})
