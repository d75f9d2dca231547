/**
 * A push service on 127.0.0.1 for tests, and a browser's side of Web Push: a subscription's own
 * keys (P-256 key pair and auth secret), decryption of an aes128gcm message (RFC 8291 over RFC
 * 8188) with them, and the VAPID check (RFC 8292) a real push service makes. Only node:crypto: an
 * independent reading of the RFCs, not the web-push package the server sends with.
 */
import type { KeyObject } from 'node:crypto'
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedPush = { path: string; headers: IncomingHttpHeaders; body: Buffer }

export type PushService = {
  origin: string
  received: ReceivedPush[]
  /** The status the next requests get (201 by default; 410 plays a gone subscription). */
  status: number
  close(): Promise<void>
}

export async function startPushService(): Promise<PushService> {
  const service: PushService = {
    origin: '',
    received: [],
    status: 201,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      service.received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      })
      response.writeHead(service.status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  service.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return service
}

export type BrowserKeys = {
  p256dh: string
  auth: string
  decrypt(body: Buffer): string
}

/** A browser's subscription keys, and the decryption only their holder can do. */
export function browserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1')
  const uaPublic = ecdh.generateKeys()
  const authSecret = randomBytes(16)
  return {
    p256dh: uaPublic.toString('base64url'),
    auth: authSecret.toString('base64url'),
    decrypt(body) {
      // RFC 8188 header: salt (16) | record size (4) | key id length (1) | key id (the sender's key).
      const salt = body.subarray(0, 16)
      const idLength = body.readUInt8(20)
      const asPublic = body.subarray(21, 21 + idLength)
      const ciphertext = body.subarray(21 + idLength)
      const ecdhSecret = ecdh.computeSecret(asPublic)
      // RFC 8291 §3.4: IKM from the ECDH secret, keyed by the auth secret and both public keys.
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic])
      const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32))
      const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16))
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12))
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
      decipher.setAuthTag(ciphertext.subarray(-16))
      const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()])
      // The last record ends with the delimiter 0x02, then zero padding.
      const end = padded.lastIndexOf(2)
      if (end < 0 || padded.subarray(end + 1).some((byte) => byte !== 0)) {
        throw new Error('no last-record delimiter')
      }
      return padded.subarray(0, end).toString('utf8')
    },
  }
}

function publicKeyOf(raw: Buffer): KeyObject {
  if (raw.length !== 65 || raw[0] !== 4) throw new Error('k is not an uncompressed P-256 point')
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  })
}

export type VapidClaims = { aud: string; exp: number; sub: string }

/**
 * Checks `Authorization: vapid t=<JWT>, k=<key>` as a push service does (RFC 8292): an ES256 JWT
 * signed by k. Returns k and the claims; throws when the signature does not verify.
 */
export function checkVapid(authorization: string | undefined): { k: string; claims: VapidClaims } {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '')
  if (!match) throw new Error(`not a vapid Authorization header: ${authorization}`)
  const [, token, k] = match as unknown as [string, string, string]
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg: string }
  if (head.alg !== 'ES256') throw new Error(`alg ${head.alg}`)
  const isValid = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: publicKeyOf(Buffer.from(k, 'base64url')), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  )
  if (!isValid) throw new Error('VAPID signature does not verify')
  return { k, claims: JSON.parse(Buffer.from(payload, 'base64url').toString()) as VapidClaims }
}
