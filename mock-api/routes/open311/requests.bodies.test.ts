import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT } from '../../app.js'
import { databases, useStore } from '../../test/databases.js'
import type { Device } from '../../test/owner-fixtures.js'
import { buildOwnerApp, newDevice } from '../../test/owner-fixtures.js'
import {
  FORM_HEADERS,
  expectOpen311,
  expectOpen311Error,
  open311Form,
  postOpen311,
} from '../../test/open311-fixtures.js'

const URL = '/open311/v2/requests.json'

describe.each(databases)('Open311 request bodies on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let owner: Device
  beforeAll(async () => {
    ;({ app } = await buildOwnerApp(store()))
    owner = await newDevice(app)
  })
  afterAll(() => app.close())

  const ticketCount = async () =>
    Number(
      (
        await store()
          .db.selectFrom('tickets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('takes forms only: JSON is 415 in Open311 form, and nothing is stored', async () => {
    const before = await ticketCount()
    const res = await app.inject({
      method: 'POST',
      url: URL,
      payload: open311Form(owner.credential),
    })
    expectOpen311Error(res, 415)
    expect(await ticketCount()).toBe(before)
  })

  it('keeps the app’s body limit: 413 in Open311 form', async () => {
    const form = open311Form(owner.credential, { description: 'x'.repeat(BODY_LIMIT) })
    expectOpen311Error(await postOpen311(app, form), 413)
  })

  it('refuses broken UTF-8 and repeated fields with 400, storing nothing', async () => {
    const before = await ticketCount()
    const valid = new URLSearchParams(open311Form(owner.credential)).toString()
    for (const payload of [`${valid}&last_name=%E5%BC`, `${valid}&phone=13800001235`]) {
      expectOpen311Error(
        await app.inject({ method: 'POST', url: URL, headers: FORM_HEADERS, payload }),
        400,
      )
    }
    expect(await ticketCount()).toBe(before)
  })

  it('counts Open311 reports against the device’s report limit: 429 with Retry-After', async () => {
    const device = await newDevice(app)
    const form = open311Form(device.credential, { service_code: 'consultation' })
    for (let i = 0; i < 60; i += 1) {
      expectOpen311(await postOpen311(app, form), 201, 'request-created')
    }
    const refused = await postOpen311(app, form)
    expectOpen311Error(refused, 429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
  })
})
