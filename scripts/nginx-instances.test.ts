// The deployment as shipped (deploy/nginx/guishang.conf in front of two API processes on one
// fresh PostgreSQL database, started together so both race to migrate and seed): an owner's
// stream through nginx on one instance hears a desk's change made through the other; that
// instance is killed, its stream resumes through nginx on the survivor with Last-Event-ID, and
// nothing committed in between is missed. Needs Debian's nginx (.ci/run installs it).
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestStore } from '../mock-api/test/databases.js'
import { databases } from '../mock-api/test/databases.js'
import type { RunningServer } from '../mock-api/test/processes.js'
import { startServer } from '../mock-api/test/processes.js'
import { reportBody } from '../mock-api/test/owner-fixtures.js'
import type { SseClient } from '../mock-api/test/sse-client.js'
import { isReady, openSse } from '../mock-api/test/sse-client.js'
import { startNginx } from './nginx-front.mjs'

const PASSWORD = 'nginx-test-demo-password'
const postgres = databases.find((database) => database.name === 'postgres')

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

const portOf = (url: string) => new URL(url).port

describe('two instances behind nginx on one PostgreSQL', () => {
  let store: TestStore
  let servers: RunningServer[] = []
  let nginx: Awaited<ReturnType<typeof startNginx>>

  beforeAll(async () => {
    if (!postgres) throw new Error('no PostgreSQL test database')
    store = await postgres.create()
    const env = {
      DATABASE_URL: store.config.databaseUrl ?? '',
      DATA_DIR: store.config.dataDir,
      HOST: '127.0.0.1',
      DEMO_PASSWORD: PASSWORD,
      RATE_LIMITS: 'off',
      TRUST_PROXY: 'on',
    }
    servers = await Promise.all([startServer(env), startServer(env)])
    nginx = await startNginx({
      port: await freePort(),
      upstreams: servers.map((server) => `127.0.0.1:${portOf(server.url)}`),
      exposeUpstream: true,
    })
  }, 90_000)

  afterAll(async () => {
    await nginx?.stop()
    await Promise.all(servers.map((server) => server.stop('SIGKILL')))
    await store?.drop()
  })

  async function call(base: string, path: string, init: RequestInit = {}) {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    })
    const body = (await res.json()) as Record<string, unknown>
    expect(res.ok, JSON.stringify(body)).toBe(true)
    return { res, body }
  }

  it('carries a change across instances, and resumes a killed instance’s stream on the other', async () => {
    const { body: device } = await call(nginx.url, '/api/devices', { method: 'POST' })
    const owner = { authorization: `Bearer ${String(device.credential)}` }
    const report = (body = reportBody()) =>
      call(nginx.url, '/api/reports', {
        method: 'POST',
        headers: owner,
        body: JSON.stringify(body),
      })
    const first = (await report()).body

    const stream: SseClient = await openSse(`${nginx.url}/api/events`, owner)
    expect(stream.status).toBe(200)
    await stream.until(isReady, 5_000)
    const streamPort = String(stream.headers['x-upstream']).split(':').pop()
    const holder = servers.find((server) => portOf(server.url) === streamPort)
    const other = servers.find((server) => server !== holder)
    if (!holder || !other) throw new Error(`stream on an unknown upstream: ${streamPort}`)

    // The desk works on the other instance, directly.
    const { res: signedIn } = await call(other.url, '/api/staff/session', {
      method: 'POST',
      body: JSON.stringify({ username: 'desk.nanning', password: PASSWORD }),
    })
    const cookie = String(signedIn.headers.get('set-cookie')).split(';')[0] ?? ''
    const accept = (ticketId: unknown) =>
      call(other.url, `/api/staff/tickets/${String(ticketId)}/events`, {
        method: 'POST',
        headers: { cookie },
        body: JSON.stringify({ type: 'accept' }),
      })
    await accept(first.id)
    await stream.until(
      () => stream.changes().some((c) => c.data.ticketId === first.id && c.data.type === 'accept'),
      5_000,
    )
    const seen = stream.changes().at(-1)?.id ?? 0

    // The stream's instance dies; nginx ends the stream. What happens before the owner's app
    // reconnects is stored through the survivor (nginx passes the POST on: the dead one refuses).
    holder.child.kill('SIGKILL')
    await stream.ended
    const second = (await report()).body
    await accept(second.id)

    const resumed = await openSse(`${nginx.url}/api/events`, {
      ...owner,
      'last-event-id': String(seen),
    })
    expect(resumed.status).toBe(200)
    // nginx may try the dead one first ("dead, survivor"): the answer came from the last.
    expect(String(resumed.headers['x-upstream']).split(', ').at(-1)).toBe(
      `127.0.0.1:${portOf(other.url)}`,
    )
    await resumed.until(isReady, 5_000)
    const stored = await store.db
      .selectFrom('ticket_events')
      .select('id')
      .where('ticket_id', 'in', [String(first.id), String(second.id)])
      .where('id', '>', seen)
      .orderBy('id')
      .execute()
    expect(stored.length).toBeGreaterThanOrEqual(2)
    expect(resumed.changes().map((change) => change.id)).toEqual(
      stored.map((row) => Number(row.id)),
    )
    expect(resumed.changes().map((change) => change.data.type)).toContain('accept')
    resumed.close()
  })
})
