/**
 * The token in a window code's link (`/q/<token>`): the service point's id and token version,
 * signed with HMAC-SHA256 (truncated to 128 bits) under the code secret. base64url without dots,
 * so the link never looks like a file to the static server. Forged or altered tokens verify as null;
 * whether the point exists, or is retired, or has a newer version, is the caller's lookup.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export type ServicePointRef = { id: string; version: number }

const MAC_LENGTH = 16
const CONTEXT = 'guishang:service-point:'

const mac = (secret: string, payload: Buffer) =>
  createHmac('sha256', secret).update(CONTEXT).update(payload).digest().subarray(0, MAC_LENGTH)

export function signServicePointToken(secret: string, ref: ServicePointRef): string {
  if (ref.id.includes(':') || !Number.isInteger(ref.version) || ref.version < 0) {
    throw new RangeError('a service point id has no colon and its version is a whole number')
  }
  const payload = Buffer.from(`${ref.id}:${ref.version}`, 'utf8')
  if (payload.length > 255) throw new RangeError('service point id too long for a token')
  return Buffer.concat([Buffer.of(payload.length), payload, mac(secret, payload)]).toString(
    'base64url',
  )
}

export function verifyServicePointToken(secret: string, token: string): ServicePointRef | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null
  const bytes = Buffer.from(token, 'base64url')
  const length = bytes[0]
  if (length === undefined || bytes.length !== 1 + length + MAC_LENGTH) return null
  const payload = bytes.subarray(1, 1 + length)
  if (!timingSafeEqual(bytes.subarray(1 + length), mac(secret, payload))) return null
  const match = /^([^:]+):(\d{1,9})$/.exec(payload.toString('utf8'))
  if (!match?.[1] || !match[2]) return null
  return { id: match[1], version: Number(match[2]) }
}
