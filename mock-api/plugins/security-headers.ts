/**
 * Security headers on every response, API and PWA alike. Scripts only from our origin (the built
 * app has no inline script); styles allow inline because antd-mobile sets `style` attributes;
 * images allow data: and blob: for photo previews. No framing anywhere. HSTS is sent only when the
 * request really came over TLS (directly, or through a trusted proxy), never on plain localhost.
 */
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

const HSTS = 'max-age=31536000; includeSubDomains'
// The scanner needs the camera on our own origin; nothing else is ever asked for.
const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=()'

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY)
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS)
  })
}
