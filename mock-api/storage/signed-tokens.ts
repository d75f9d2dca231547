/**
 * Opaque signed tokens for printed codes: `<id>:<version>` signed with HMAC-SHA256 (truncated to
 * 128 bits) under the code secret and a context string, so a window code's token never verifies as
 * an entity code's and back. base64url without dots, so a link never looks like a file to the
 * static server. Forged or altered tokens verify as null; whether the thing named exists or is
 * retired is the caller's lookup.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export type TokenRef = { id: string; version: number }

const MAC_LENGTH = 16

const mac = (context: string, secret: string, payload: Buffer) =>
  createHmac('sha256', secret).update(context).update(payload).digest().subarray(0, MAC_LENGTH)

export function signToken(context: string, secret: string, ref: TokenRef): string {
  if (ref.id.includes(':') || !Number.isInteger(ref.version) || ref.version < 0) {
    throw new RangeError('a token id has no colon and its version is a whole number')
  }
  const payload = Buffer.from(`${ref.id}:${ref.version}`, 'utf8')
  if (payload.length > 255) throw new RangeError('id too long for a token')
  return Buffer.concat([
    Buffer.of(payload.length),
    payload,
    mac(context, secret, payload),
  ]).toString('base64url')
}

export function verifyToken(context: string, secret: string, token: string): TokenRef | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null
  const bytes = Buffer.from(token, 'base64url')
  const length = bytes[0]
  if (length === undefined || bytes.length !== 1 + length + MAC_LENGTH) return null
  const payload = bytes.subarray(1, 1 + length)
  if (!timingSafeEqual(bytes.subarray(1 + length), mac(context, secret, payload))) return null
  const match = /^([^:]+):(\d{1,9})$/.exec(payload.toString('utf8'))
  if (!match?.[1] || !match[2]) return null
  return { id: match[1], version: Number(match[2]) }
}
