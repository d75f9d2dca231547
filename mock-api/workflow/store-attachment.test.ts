import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { solid } from '../test/image-fixtures.js'
import { reportTicket } from '../test/staff-fixtures.js'
import { testClock } from '../test/test-app.js'
import { listAttachments } from '../storage/attachments.js'
import type { AttachmentUpload } from './store-attachment.js'
import { storeAttachment } from './store-attachment.js'
import { asProblemError } from '../plugins/refusal-table.js'

const png = (n: number) =>
  solid({ r: n % 256, g: Math.floor(n / 256), b: 77 })
    .png()
    .toBuffer()

describe.each(databases)('storeAttachment, on $name', (database) => {
  const store = useStore(database)
  const deps = () => ({ db: store(), clock: testClock(), config: store().config })
  const settle = (uploads: AttachmentUpload[]) =>
    Promise.allSettled(uploads.map((upload) => storeAttachment(deps(), upload)))
  const codeOf = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected' ? (result.reason as { code?: string }).code : 'stored'

  it('lets exactly one of three concurrent uploads take the ninth place', async () => {
    const ticket = await reportTicket(store().db)
    for (let i = 0; i < 8; i++) {
      const bytes = await png(i)
      await storeAttachment(deps(), {
        ticketId: ticket.id,
        attachmentId: randomUUID(),
        bytes,
        uploadedBy: 'owner',
      })
    }
    const racers = await Promise.all([100, 101, 102].map(png))

    const results = await settle(
      racers.map((bytes) => ({
        ticketId: ticket.id,
        attachmentId: randomUUID(),
        bytes,
        uploadedBy: 'owner',
      })),
    )

    expect(results.map(codeOf).sort()).toEqual([
      'stored',
      'too_many_attachments',
      'too_many_attachments',
    ])
    expect(await listAttachments(store().db, ticket.id)).toHaveLength(9)
  })

  it('stores one row when the same upload arrives twice at once, and reports the other as a replay', async () => {
    const ticket = await reportTicket(store().db)
    const upload: AttachmentUpload = {
      ticketId: ticket.id,
      attachmentId: randomUUID(),
      bytes: await png(500),
      uploadedBy: 'owner',
    }

    const results = await Promise.all([
      storeAttachment(deps(), upload),
      storeAttachment(deps(), upload),
    ])

    expect(results.map((r) => r.isReplay).sort()).toEqual([false, true])
    expect(results[0].row).toEqual(results[1].row)
    expect(await listAttachments(store().db, ticket.id)).toHaveLength(1)
  })

  it("counts a unit's reply files apart from the owner's photos", async () => {
    const ticket = await reportTicket(store().db)
    for (let i = 0; i < 9; i++) {
      await storeAttachment(deps(), {
        ticketId: ticket.id,
        attachmentId: randomUUID(),
        bytes: await png(600 + i),
        uploadedBy: 'owner',
      })
    }
    const reply = await storeAttachment(deps(), {
      ticketId: ticket.id,
      attachmentId: randomUUID(),
      bytes: await png(700),
      uploadedBy: 'unit',
    })
    expect(reply.row.uploaded_by).toBe('unit')
    expect(await listAttachments(store().db, ticket.id)).toHaveLength(10)
  })

  it('records when it was stored from the clock, and 404s for a ticket that does not exist', async () => {
    const ticket = await reportTicket(store().db)
    const clock = testClock(new Date('2026-03-02T03:04:05.000Z'))
    const { row } = await storeAttachment(
      { ...deps(), clock },
      {
        ticketId: ticket.id,
        attachmentId: randomUUID(),
        bytes: await png(800),
        uploadedBy: 'owner',
      },
    )
    expect(row.created_at).toBe('2026-03-02T03:04:05.000Z')
    const missing = storeAttachment(deps(), {
      ticketId: randomUUID(),
      attachmentId: randomUUID(),
      bytes: await png(801),
      uploadedBy: 'owner',
    })
    expect(asProblemError(await missing.catch((e: unknown) => e))).toMatchObject({ status: 404 })
  })
})
