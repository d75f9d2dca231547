// The service worker never caches or answers the API: its answers carry names and phone numbers
// (and say no-store). Only the app's own files are precached, and navigations to /api go to the
// network, never to the app shell.
import { describe, expect, it } from 'vitest'
import { WORKBOX_OPTIONS } from './pwa-workbox'

const API_URLS = [
  '/api/tickets',
  '/api/tickets/0d8f0c5e-6a4b-4d4e-9a56-2f4d3f0c9b1a',
  '/api/receipts/GX260213000?code=ABC234',
  '/api/staff/tickets?status=submitted',
  '/api/tickets/x/attachments/y/file',
]

const matches = (pattern: unknown, url: string): boolean => {
  if (pattern instanceof RegExp)
    return pattern.test(url) || pattern.test(`https://gs.example${url}`)
  if (typeof pattern === 'string') return url.startsWith(pattern)
  if (typeof pattern === 'function') {
    const href = new URL(url, 'https://gs.example')
    const request = new Request(href)
    return Boolean(
      (pattern as (o: object) => unknown)({ url: href, request, sameOrigin: true, event: {} }),
    )
  }
  return true // anything else we cannot evaluate counts as a match: look at it
}

describe('the service worker options', () => {
  it('cache nothing at run time under /api', () => {
    const routes = WORKBOX_OPTIONS.runtimeCaching ?? []
    for (const url of API_URLS) {
      const caching = routes.filter((route) => matches(route.urlPattern, url))
      expect(caching, url).toEqual([])
    }
  })

  it('send navigations to /api to the network, not the app shell', () => {
    const denied = WORKBOX_OPTIONS.navigateFallbackDenylist ?? []
    for (const url of API_URLS) {
      expect(
        denied.some((pattern) => pattern.test(url.split('?')[0] ?? url)),
        url,
      ).toBe(true)
    }
  })

  it('precache only the built app’s own files, none from /api', () => {
    const patterns = WORKBOX_OPTIONS.globPatterns ?? []
    expect(patterns.length).toBeGreaterThan(0)
    expect(patterns.filter((pattern) => pattern.includes('api'))).toEqual([])
    expect(WORKBOX_OPTIONS.additionalManifestEntries ?? []).toEqual([])
  })
})
