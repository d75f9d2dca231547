// The per-process stream cap (MAX_STREAMS), the last message a stream gets when the server stops,
// and readiness while draining.
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.js'
import { problemSchema } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import { newDevice } from '../test/owner-fixtures.js'
import { isReady, openSse } from '../test/sse-client.js'
import { testClock, testConfig } from '../test/test-app.js'
import { createLifecycle } from '../deps/app-deps.js'

const TIMINGS = { heartbeatMs: 60_000, pollMs: 100, graceMs: 500, retryMs: 4_000 }

describe.each(databases)('stream capacity and stopping on $name', (database) => {
  const store = useStore(database)
  const lifecycle = createLifecycle()
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    app = await buildApp({
      db: store(),
      clock: testClock(),
      config: testConfig({ DATA_DIR: store().config.dataDir, MAX_STREAMS: '2' }),
      eventStreams: TIMINGS,
      lifecycle,
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api`
  })
  afterAll(() => app.close())

  it('refuses a stream past MAX_STREAMS with a 503 problem and Retry-After, and takes one again when a stream ends', async () => {
    const [first, second, third] = [
      await newDevice(app),
      await newDevice(app),
      await newDevice(app),
    ]
    const open = [
      await openSse(`${base}/events`, first.headers),
      await openSse(`${base}/events`, second.headers),
    ]
    await Promise.all(open.map((stream) => stream.until(isReady)))

    const refused = await openSse(`${base}/events`, third.headers)
    expect(refused.status).toBe(503)
    expect(refused.headers['retry-after']).toBe('4')
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/)
    const problem = problemSchema.parse(JSON.parse(refused.problem ?? '{}'))
    expect(problem).toMatchObject({ status: 503, type: 'urn:guishang:problem:unavailable' })
    expect(problem.message?.zh).toBeTruthy()

    open[0]?.close()
    await open[0]?.ended
    await expect
      .poll(async () => {
        const again = await openSse(`${base}/events`, third.headers)
        if (again.status === 200) open.push(again)
        return again.status
      })
      .toBe(200)
    for (const stream of open) stream.close()
    await Promise.all(open.map((stream) => stream.ended))
  })

  it('is ready until it drains; then ends each stream with a retry and a reconnect event', async () => {
    const ready = await app.inject({ url: '/api/ready' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ ready: true })

    const device = await newDevice(app)
    const stream = await openSse(`${base}/events`, device.headers)
    await stream.until(isReady)

    lifecycle.isDraining = true
    const draining = await app.inject({ url: '/api/ready' })
    expect(draining.statusCode).toBe(503)
    expect(draining.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)

    await app.close()
    await stream.ended
    const last = stream.blocks.at(-1)
    expect(last).toMatchObject({ event: 'reconnect' })
    expect(Number(last?.retry)).toBeGreaterThanOrEqual(500)
    expect(Number(last?.retry)).toBeLessThanOrEqual(TIMINGS.retryMs)
  })
})
