/**
 * The test clock (TEST_CLOCK=1 only; config.ts refuses it in production): `POST /api/test/clock`
 * sets the time every rule and the system job use, then sweeps at once so due flags and automatic
 * closes follow the jump. Without TEST_CLOCK, app.ts does not register these routes at all (404).
 */
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { Clock } from '../deps/clock.js'
import type { AppDeps } from '../deps/app-deps.js'
import { systemClock } from '../deps/clock.js'
import { problemSchema } from '../contract.js'
import { sweep } from '../workflow/sweeper.js'
import type { RouteDoc } from './route-doc.js'

export type SettableClock = Clock & { set(at: Date): void }

const isSettable = (clock: Clock): clock is SettableClock =>
  typeof (clock as Partial<SettableClock>).set === 'function'

/** Real time shifted by an offset: `set` moves the offset, so time keeps running after a jump. */
export function createOffsetClock(base: Clock = systemClock): SettableClock {
  let offsetMs = 0
  return {
    now: () => new Date(base.now().getTime() + offsetMs),
    set: (at) => {
      offsetMs = at.getTime() - base.now().getTime()
    },
  }
}

export const testClockInputSchema = z.object({ now: z.iso.datetime({ offset: true }) })
const clockSchema = z.object({ now: z.string() })
const setClockSchema = clockSchema.extend({
  sweep: z.object({ closed: z.number().int(), flagged: z.number().int() }),
})

export const testClockRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const { clock } = deps
  if (!isSettable(clock)) {
    done(new Error('TEST_CLOCK needs a settable clock (createOffsetClock)'))
    return
  }

  app.get('/test/clock', () => ({ now: clock.now().toISOString() }))

  app.post('/test/clock', async (request) => {
    const { now } = testClockInputSchema.parse(request.body)
    clock.set(new Date(now))
    return { now: clock.now().toISOString(), sweep: await sweep(deps) }
  })
  done()
}

export const testClockDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/test/clock',
    summary: 'The time the server uses (only with TEST_CLOCK=1)',
    tags: ['test'],
    auth: { kind: 'test-clock' },
    responses: { 200: { description: 'Now, as ISO 8601', schema: clockSchema } },
  },
  {
    method: 'POST',
    path: '/api/test/clock',
    summary: 'Sets the time every rule and job uses, then runs the system job (TEST_CLOCK=1 only)',
    tags: ['test'],
    auth: { kind: 'test-clock' },
    body: testClockInputSchema,
    responses: {
      200: { description: 'The new time and what the system job did', schema: setClockSchema },
      422: { description: 'Not an ISO 8601 date-time', schema: problemSchema },
    },
  },
]
