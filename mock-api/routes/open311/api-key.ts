/**
 * Open311's api_key is an owner's device credential (from POST /api/devices), sent as a form
 * field or in the query string. It names the owner exactly as `Authorization: Bearer` does on our
 * API, so a revoked device is refused here too; a missing or unknown key is Open311's 403.
 */
import type { FastifyRequest } from 'fastify'
import type { AppDeps } from '../../deps/app-deps.js'
import type { OwnerIdentity } from '../../plugins/owner-auth.js'
import { authenticateOwner, bearerCredential } from '../../plugins/owner-auth.js'
import { open311Forbidden } from './open311-errors.js'

const textField = (source: unknown, name: string): string | undefined => {
  if (typeof source !== 'object' || source === null) return undefined
  const value: unknown = (source as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : undefined
}

/** The owner whose device credential is the request's api_key; 403 otherwise. */
export async function ownerOfApiKey(
  deps: AppDeps,
  request: FastifyRequest,
): Promise<OwnerIdentity> {
  const key = textField(request.body, 'api_key') ?? textField(request.query, 'api_key')
  if (key === undefined || key.trim() === '') throw open311Forbidden(true)
  const credential = bearerCredential(`Bearer ${key.trim()}`)
  const owner = credential === null ? null : await authenticateOwner(deps, credential)
  if (!owner) throw open311Forbidden(false)
  return owner
}
