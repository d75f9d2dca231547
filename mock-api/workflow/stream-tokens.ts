/**
 * Stream tokens: EventSource cannot send an Authorization header, so an owner's app trades its
 * credential for a token and opens `GET /api/events?token=…`. A token names the device and its
 * expiry (60 s after issue), is HMAC-signed over device, owner, expiry and a nonce with a key
 * derived from the code secret for this purpose only, and opens one stream, once: a URL can end up
 * in a proxy's access log, so a logged token is spent or expired. It is no credential anywhere
 * else: other routes read only the Authorization header, which a token does not fit.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import type { AppDeps } from '../deps/app-deps.js'
import { findLiveDeviceById } from '../storage/live-devices.js'
import { hit } from '../storage/rate-limits.js'

export const STREAM_TOKEN_TTL_MS = 60_000

export type StreamGrant = { ownerId: string; deviceId: string }
export type IssuedToken = { token: string; expiresAt: string }

type TokenDeps = Pick<AppDeps, 'db' | 'clock' | 'secrets'>
type TokenParts = { deviceId: string; expiresAtMs: number; nonce: string; mac: string }

const TOKEN = /^([A-Za-z0-9-]{1,64})\.(\d{13})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})$/
const MAC_BYTES = 16

/** The purpose-bound key: a stream token's MAC is useless as any other signature, and back. */
export const streamTokenKey = (codeSecret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', codeSecret, 'guishang', 'stream-token v1', 32))

const macOf = (key: Buffer, grant: StreamGrant, expiresAtMs: number, nonce: string) =>
  createHmac('sha256', key)
    .update(`${grant.deviceId}|${grant.ownerId}|${expiresAtMs}|${nonce}`)
    .digest()
    .subarray(0, MAC_BYTES)

export function signStreamToken(
  key: Buffer,
  grant: StreamGrant,
  expiresAtMs: number,
  nonce: string = randomBytes(12).toString('base64url'),
): string {
  const mac = macOf(key, grant, expiresAtMs, nonce).toString('base64url')
  return `${grant.deviceId}.${expiresAtMs}.${nonce}.${mac}`
}

export function parseStreamToken(token: string): TokenParts | null {
  const match = TOKEN.exec(token)
  if (!match) return null
  const [, deviceId = '', expiresAt = '', nonce = '', mac = ''] = match
  return { deviceId, expiresAtMs: Number(expiresAt), nonce, mac }
}

export function issueStreamToken(deps: TokenDeps, grant: StreamGrant): IssuedToken {
  const expiresAtMs = deps.clock.now().getTime() + STREAM_TOKEN_TTL_MS
  return {
    token: signStreamToken(streamTokenKey(deps.secrets.codeSecret), grant, expiresAtMs),
    expiresAt: new Date(expiresAtMs).toISOString(),
  }
}

/** The device and owner a token grants a stream to, or null: malformed, forged, expired, used. */
export async function redeemStreamToken(
  deps: TokenDeps,
  token: string,
): Promise<StreamGrant | null> {
  const parts = parseStreamToken(token)
  const now = deps.clock.now()
  if (!parts || parts.expiresAtMs <= now.getTime()) return null
  const device = await findLiveDeviceById(deps.db.db, parts.deviceId)
  if (!device) return null
  const key = streamTokenKey(deps.secrets.codeSecret)
  const expected = macOf(key, device, parts.expiresAtMs, parts.nonce)
  const given = Buffer.from(parts.mac, 'base64url')
  if (given.length !== MAC_BYTES || !timingSafeEqual(given, expected)) return null
  // Once: the nonce's first use opens a window longer than the token can still live.
  const use = await hit(deps.db.db, `stream-token:${parts.nonce}`, {
    limit: 1,
    windowMs: STREAM_TOKEN_TTL_MS,
    now,
  })
  return use.allowed ? device : null
}
