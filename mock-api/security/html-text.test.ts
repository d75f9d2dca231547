// Markup typed into text fields is data: stored as typed, returned verbatim in JSON (never as a
// page), and escaped in the one place text becomes HTML, the printable poster. A sweep over every
// documented GET route shows that no answer renders it as markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ticketSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import { postReport, reportBody } from '../test/owner-fixtures.js'
import type { World } from './fixture-world.js'
import { buildWorld } from './fixture-world.js'
import { liveRoutes, requestFor } from './requests.js'

const SCRIPT = '<script>alert("桂商")</script>'
const IMAGE = '<img src=x onerror="alert(1)">'
const MARKUP = `${SCRIPT}${IMAGE}&amp;`
const ESCAPED = '&lt;script&gt;alert(&quot;桂商&quot;)&lt;/script&gt;'
/** The script as it appears inside a JSON string (its quotes escaped). */
const SCRIPT_IN_JSON = JSON.stringify(SCRIPT).slice(1, -1)

const isStream = (contentType: string | undefined) => contentType === 'text/event-stream'

describe.each(databases)('HTML in text on $name', (database) => {
  const store = useStore(database)
  let w: World
  let ticketId: string
  beforeAll(async () => {
    w = await buildWorld(store())
    const body = reportBody({
      title: SCRIPT,
      description: MARKUP,
      business: { name: IMAGE, creditCode: '91450100MA5K00000B', kind: 'individual' },
      contact: { name: SCRIPT, phone: '13800001234' },
    })
    const res = await postReport(w.app, w.owners.owner, body)
    expect(res.statusCode, res.body).toBe(201)
    ticketId = res.json<{ id: string }>().id
  })
  afterAll(() => w.app.close())

  it('stores the text as typed and gives it back verbatim as JSON', async () => {
    const row = await store()
      .db.selectFrom('tickets')
      .select(['title', 'description', 'business_name', 'contact_name'])
      .where('id', '=', ticketId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      title: SCRIPT,
      description: MARKUP,
      business_name: IMAGE,
      contact_name: SCRIPT,
    })
    const mine = await w.app.inject({
      url: `/api/tickets/${ticketId}`,
      headers: w.owners.owner.headers,
    })
    expect(mine.headers['content-type']).toMatch(/^application\/json/)
    expect(mine.headers['x-content-type-options']).toBe('nosniff')
    const ticket = ticketSchema.parse(mine.json())
    expect([ticket.title, ticket.description, ticket.business?.name]).toEqual([
      SCRIPT,
      MARKUP,
      IMAGE,
    ])
    const staff = await w.app.inject({
      url: `/api/staff/tickets/${ticketId}`,
      cookies: w.cookies.deskNanning,
    })
    expect(staff.headers['content-type']).toMatch(/^application\/json/)
    expect(staff.json()).toMatchObject({ title: SCRIPT, description: MARKUP })
    const { number, code } = ticket
    const receipt = await w.app.inject({ url: `/api/receipts/${number}?code=${code}` })
    expect(receipt.headers['content-type']).toMatch(/^application\/json/)
    expect(receipt.json()).toMatchObject({ title: SCRIPT })
  })

  it('escapes a service point’s name on the poster, the one page made from stored text', async () => {
    await store()
      .db.updateTable('service_points')
      .set({ name: SCRIPT, hall: SCRIPT, window: IMAGE })
      .where('id', '=', w.servicePoints.nanning)
      .execute()
    const poster = await w.app.inject({
      url: `/api/staff/service-points/${w.servicePoints.nanning}/poster`,
      cookies: w.cookies.deskNanning,
    })
    expect(poster.statusCode).toBe(200)
    expect(poster.headers['content-type']).toMatch(/^text\/html/)
    expect(poster.body).toContain(ESCAPED)
    expect(poster.body).not.toContain(SCRIPT)
    expect(poster.body).not.toContain('<img src=x')
  })

  it('renders the markup on no documented GET route, for anyone who may call it', async () => {
    await store()
      .db.updateTable('tickets')
      .set({ title: SCRIPT, description: MARKUP, contact_name: SCRIPT })
      .execute()
    let pages = 0
    let echoes = 0
    for (const route of liveRoutes()) {
      if (route.doc.method !== 'GET' || isStream(route.doc.responses[200]?.contentType)) continue
      for (const party of route.kase.right) {
        const res = await w.app.inject(requestFor(w, route, party))
        const type = String(res.headers['content-type'])
        if (/html/.test(type)) pages += 1
        const label = `${route.key} as ${party}: ${type}`
        if (!/json/.test(type)) {
          for (const markup of [SCRIPT, SCRIPT_IN_JSON, IMAGE]) {
            expect(res.body, label).not.toContain(markup)
          }
        }
        if (!res.body.includes(SCRIPT_IN_JSON)) continue
        echoes += 1
        expect(type, label).toMatch(/^application\/json/)
      }
    }
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(echoes).toBeGreaterThanOrEqual(3)
  })
})
