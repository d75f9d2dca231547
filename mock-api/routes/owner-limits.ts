// The limits on owner and public routes that a real owner never meets (RATE_LIMITS=off lifts
// them for load tests), and the 429 with Retry-After when one is reached.
import type { FastifyReply } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { problemFor } from '../plugins/problems.js'
import { countRequest } from '../workflow/request-limits.js'

const HOUR_MS = 3_600_000

export const OWNER_LIMITS = {
  /** New devices per client address: a family or a shared office Wi-Fi stays far below. */
  newDevice: { limit: 200, windowMs: HOUR_MS },
  /** Reports (retries included) per device. */
  report: { limit: 60, windowMs: HOUR_MS },
  /** Link codes asked for, per device and per phone: every one may be an SMS. */
  linkRequest: { limit: 5, windowMs: HOUR_MS },
} as const

export type LimitName = keyof typeof OWNER_LIMITS

/** The 429 for a request over a limit, with Retry-After in whole seconds (at least 1). */
export function refuseTooMany(reply: FastifyReply, retryAfterMs: number): never {
  reply.header('retry-after', Math.max(1, Math.ceil(retryAfterMs / 1000)))
  throw problemFor(429)
}

/** Counts one hit under `key`; 429 once the limit is passed. */
export async function countHit(
  deps: AppDeps,
  reply: FastifyReply,
  name: LimitName,
  key: string,
): Promise<void> {
  if (!deps.config.rateLimits) return
  const result = await countRequest(
    deps.db.db,
    `${name}:${key}`,
    OWNER_LIMITS[name],
    deps.clock.now(),
  )
  if (!result.allowed) refuseTooMany(reply, result.retryAfterMs)
}
