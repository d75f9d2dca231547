import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import type { Database } from './database.js'
import type { Kysely } from 'kysely'
import { MIGRATIONS, migrateToLatest } from './migrate.js'

const TABLES: readonly (keyof Database)[] = [
  'service_points',
  'units',
  'responsibilities',
  'responsibility_entries',
  'calendar_overrides',
  'calendar_years',
  'counters',
  'settings',
  'owners',
  'devices',
  'owner_phones',
  'link_codes',
  'businesses',
  'tickets',
  'ticket_units',
  'ticket_history',
  'attachments',
  'ratings',
  'ticket_events',
  'staff',
  'staff_sessions',
  'rate_limits',
  'idempotency_records',
  'audit_log',
]

const AT = '2026-02-13T02:00:00.000Z'

async function insertTicket(db: Kysely<Database>, id: string) {
  await db
    .insertInto('owners')
    .values({ id: `owner-${id}`, created_at: AT })
    .execute()
  await db
    .insertInto('tickets')
    .values({
      id,
      number: `GX260213${id}`,
      verification_code: '123456',
      request_hash: 'h',
      owner_id: `owner-${id}`,
      device_id: null,
      status: 'submitted',
      category: 'help',
      title: 't',
      description: 'd',
      division_code: '450103',
      desk_division_code: '450100',
      service_point_id: null,
      business_id: null,
      business_name: 'b',
      business_credit_code: '91450100MA5L000000',
      business_kind: 'enterprise',
      contact_name: 'c',
      contact_phone: '13800000000',
      confidential: 0,
      lead_unit_id: null,
      coordination_via: null,
      first_contact_at: null,
      requested_until: null,
      pending_reply: null,
      reply: null,
      due_step: 'acceptance',
      due_at: AT,
      due_started_at: AT,
      acceptance_result: null,
      handling_result: null,
      last_urged_at: null,
      created_at: AT,
      updated_at: AT,
      accepted_at: null,
      dispatched_at: null,
      replied_at: null,
      closed_at: null,
    })
    .execute()
}

describe.each(databases)('migrations on $name', (database) => {
  const store = useStore(database, { migrate: false })

  it('create every table, and a second run applies nothing', async () => {
    const { db } = store()
    expect(await migrateToLatest(db)).toEqual(Object.keys(MIGRATIONS))
    expect(await migrateToLatest(db)).toEqual([])
    const names = (await db.introspection.getTables()).map((table) => table.name)
    expect(names).toEqual(expect.arrayContaining([...TABLES]))
  })

  it('keep ticket history append-only: updates and deletes are refused', async () => {
    const { db } = store()
    await insertTicket(db, 'append-only')
    await db
      .insertInto('ticket_history')
      .values({
        ticket_id: 'append-only',
        seq: 1,
        at: AT,
        type: 'submit',
        from_status: null,
        to_status: 'submitted',
        role: 'owner',
        actor_id: null,
        note: null,
        internal_note: null,
      })
      .execute()
    await expect(
      db.updateTable('ticket_history').set({ note: 'rewritten' }).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('ticket_history').execute()).rejects.toThrow(/append-only/)
    const rows = await db.selectFrom('ticket_history').selectAll().execute()
    expect(rows).toMatchObject([{ seq: 1, note: null, data: '{}' }])
  })

  it('number ticket events monotonically, as JS numbers on both dialects', async () => {
    const { db } = store()
    await insertTicket(db, 'events')
    const event = {
      ticket_id: 'events',
      owner_id: 'owner-events',
      desk_division_code: '450100',
      type: 'submit',
      status: 'submitted' as const,
      at: AT,
    }
    const first = await db
      .insertInto('ticket_events')
      .values(event)
      .returning('id')
      .executeTakeFirstOrThrow()
    const second = await db
      .insertInto('ticket_events')
      .values(event)
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(typeof first.id).toBe('number')
    expect(second.id).toBeGreaterThan(first.id)
    const { count } = await db
      .selectFrom('ticket_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    expect(count).toBe(2)
  })

  it('enforce foreign keys', async () => {
    const { db } = store()
    await expect(
      db
        .insertInto('devices')
        .values({
          id: 'd',
          owner_id: 'nobody',
          credential_hash: 'x',
          created_at: AT,
          last_seen_at: null,
          revoked_at: null,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/i)
  })
})
