/**
 * Owner identity on requests: `Authorization: Bearer <credential>` names a live device, and the
 * device its owner. `requireOwner` guards a route (no, malformed, unknown or revoked credential →
 * 401) and sets `request.owner`; `getOwner(request)` reads it in the handler. A staff cookie means
 * nothing here. Credentials are 32 random bytes, so one hash lookup is the whole check; its answer
 * is kept in `reads.devices` until the next commit (read-cache.ts), so a revoked or moved device is
 * refused at its next request.
 */
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { findDeviceByHash, hashCredential, touchDevice } from '../storage/owners.js'
import { problemFor } from './problems.js'
import type { OwnerIdentity } from '../workflow/owner-identity.js'

export type { OwnerIdentity }

type OwnerAuthDeps = Pick<AppDeps, 'db' | 'clock' | 'reads'>

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireOwner`; null on routes it does not guard. */
    owner: OwnerIdentity | null
  }
}

// 32 bytes in base64url without padding.
const CREDENTIAL = /^Bearer ([A-Za-z0-9_-]{43})$/
// Writing last_seen_at on every request would turn every read into a write; once a minute will do.
const TOUCH_AFTER_MS = 60_000

/** Declares the `request.owner` slot; call once on the root instance, before any owner route. */
export function registerOwnerAuth(app: FastifyInstance): void {
  app.decorateRequest('owner', null)
}

/** The credential in an Authorization header value, or null when absent or malformed. */
export function bearerCredential(authorization: string | undefined): string | null {
  return CREDENTIAL.exec(authorization?.trim() ?? '')?.[1] ?? null
}

/**
 * The owner and device a bearer credential belongs to, or null. Also refreshes the device's
 * last_seen_at (at most once a minute). For routes that take the credential some other way.
 */
export async function authenticateOwner(
  deps: OwnerAuthDeps,
  credential: string,
): Promise<OwnerIdentity | null> {
  const hash = hashCredential(credential)
  const device = await deps.reads.devices.load(hash, () => findDeviceByHash(deps.db.read, hash))
  if (!device) return null
  const now = deps.clock.now()
  const lastSeen = device.lastSeenAt === null ? 0 : Date.parse(device.lastSeenAt)
  if (now.getTime() - lastSeen >= TOUCH_AFTER_MS) {
    await touchDevice(deps.db.db, device.deviceId, now)
  }
  return { ownerId: device.ownerId, deviceId: device.deviceId }
}

/** A preHandler that lets an owner's device through and sets `request.owner`. */
export function requireOwner(deps: OwnerAuthDeps): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const credential = bearerCredential(request.headers.authorization)
    const owner = credential === null ? null : await authenticateOwner(deps, credential)
    if (!owner) {
      reply.header('www-authenticate', 'Bearer')
      throw problemFor(401)
    }
    request.owner = owner
  }
}

/** The owner `requireOwner` let through; a route without the guard gets a 401. */
export function getOwner(request: FastifyRequest): OwnerIdentity {
  if (!request.owner) throw problemFor(401)
  return request.owner
}
