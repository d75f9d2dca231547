import { describe, expect, it } from 'vitest'
import { databases } from '../test/databases.js'
import {
  STREAM_TIMINGS,
  listening,
  ownerOf,
  staffEvent,
  useEventWorld,
} from '../test/event-fixtures.js'
import { newDevice, reportBody, reportTicket } from '../test/owner-fixtures.js'
import { isReady, openSse } from '../test/sse-client.js'
import { addSpareDevice, ended, revokeDevice } from '../test/stream-endings.js'

describe.each(databases)('an owner stream whose device is gone, on $name', (database) => {
  const world = useEventWorld(database)

  it('ends once the device is revoked in the store, and sends nothing after', async () => {
    const { app, base } = world()
    const device = await newDevice(app)
    const mine = await reportTicket(app, device)
    const stream = await openSse(`${base}/events`, device.headers)
    await stream.until(isReady)

    // Straight in the store, as another process would: only the stream's own check can see it.
    await revokeDevice(world(), device.deviceId)
    await staffEvent(world(), mine.id, { type: 'accept' })
    await ended(stream)
    expect(stream.changes()).toEqual([])
    const again = await openSse(`${base}/events`, device.headers)
    expect(again.status).toBe(401)
  })

  it('sends none of the events written after another process revoked the device', async () => {
    const { app } = world()
    const device = await newDevice(app)
    const mine = await reportTicket(app, device)
    // The stream is on a second instance that trusts a credential check for a minute: only the
    // events it reads can tell it that a write, by whichever process, may have ended the device.
    const timings = { ...STREAM_TIMINGS, recheckMs: 60_000, heartbeatMs: 60_000 }
    const { second, url } = await listening(world(), timings)
    try {
      const stream = await openSse(url, device.headers)
      await stream.until(isReady)
      await revokeDevice(world(), device.deviceId)
      await staffEvent(world(), mine.id, { type: 'accept' })
      await ended(stream)
      expect(stream.changes()).toEqual([])
    } finally {
      await second.close()
    }
  })

  it('ends once a device link moves the device to another owner', async () => {
    const { app, base, sender } = world()
    const phone = '13900007777'
    const linked = await newDevice(app)
    await reportTicket(app, linked, { contact: { ...reportBody().contact, phone } })
    const moving = await newDevice(app)
    const kept = await reportTicket(app, moving)
    // Its owner keeps another device, so the ticket stays with them when this one moves.
    await addSpareDevice(world(), await ownerOf(world(), kept.id))
    const stream = await openSse(`${base}/events`, moving.headers)
    await stream.until(isReady)

    const link = { method: 'POST', headers: moving.headers } as const
    const asked = await app.inject({ ...link, url: '/api/devices/link', payload: { phone } })
    expect(asked.statusCode, asked.body).toBe(202)
    const code = sender.sent.at(-1)?.code ?? ''
    const confirm = { phone, code }
    const moved = await app.inject({ ...link, url: '/api/devices/link/confirm', payload: confirm })
    expect(moved.statusCode, moved.body).toBe(200)

    await staffEvent(world(), kept.id, { type: 'accept' })
    await ended(stream)
    expect(stream.changes()).toEqual([])
  })
})
