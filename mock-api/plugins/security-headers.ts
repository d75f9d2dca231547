/**
 * Security headers on every response, API and PWA alike. Scripts only from our origin (the built
 * app has one inline script, report.html's loader, allowed by its hash on that page alone:
 * static-app.ts); styles allow inline because antd-mobile sets `style` attributes;
 * images allow data: and blob: for photo previews. No framing anywhere. HSTS is sent only when the
 * request really came over TLS (directly, or through a trusted proxy), never on plain localhost.
 *
 * The set is what helmet sends by default with our policy, written out once: helmet built each
 * header again on every request through its middleware chain, which took about half of a trivial
 * route's throughput (docs/BENCHMARKS.md). A route may still override one (attachment files send
 * their own sandboxing CSP).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

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

/** The policy as the header writes it; `extra` adds sources to a directive (one page's own). */
export const contentSecurityPolicy = (extra: Partial<Record<string, string[]>> = {}): string =>
  Object.entries(CONTENT_SECURITY_POLICY)
    .map(([directive, sources]) => [directive, ...sources, ...(extra[directive] ?? [])].join(' '))
    .join(';')

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': contentSecurityPolicy(),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  // The browsers' XSS auditor is gone, and where it lingers it can be abused: switched off.
  'x-xss-protection': '0',
  'permissions-policy': PERMISSIONS_POLICY,
})

/** The headers every answer carries; also for the router's refusals, which skip the hooks. */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS)
  if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
}

const JSON_TYPE = /^application\/(problem\+)?json/i

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(request, reply)
    done()
  })
  // JSON answers carry tickets, names, phone numbers, sessions: no browser cache, proxy or
  // service worker may keep one. A route that means otherwise sets its own Cache-Control.
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type')
    if (typeof type === 'string' && JSON_TYPE.test(type) && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store')
    }
    done(null, payload)
  })
}
