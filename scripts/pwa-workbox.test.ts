// The service worker never caches or answers the API: its answers carry names and phone numbers
// (and say no-store). Only the app's own files are precached, and navigations to /api go to the
// network, never to the app shell.
import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { REPORT_FRAME_PATH, WORKBOX_OPTIONS } from './pwa-workbox'

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

describe('the report form’s frame offline', () => {
  const FRAME_PATHS = ['/q/FXNwLW5hbm5pbmc', '/drafts/new', '/drafts/0d8f0c5e-6a4b']
  const SHELL_PATHS = ['/', '/drafts', '/tickets/t-1', '/staff/queue', '/q/x/y']

  it('leaves a window code’s link and a draft to sw-report-frame.js, every other route to app.html', () => {
    const denied = (path: string) =>
      (WORKBOX_OPTIONS.navigateFallbackDenylist ?? []).some((pattern) => pattern.test(path))
    expect(FRAME_PATHS.filter((path) => !denied(path))).toEqual([])
    expect(SHELL_PATHS.filter(denied)).toEqual([])
    expect(WORKBOX_OPTIONS.importScripts).toContain('sw-report-frame.js')
  })

  it('matches the same paths in the worker, the server and the app', async () => {
    const { REPORT_FRAME_PATH: app } = await import('../src/app/shell/report-frame-path')
    const worker = readFileSync(new URL('../public/sw-report-frame.js', import.meta.url), 'utf8')
    const server = readFileSync(
      new URL('../mock-api/plugins/static-app.ts', import.meta.url),
      'utf8',
    )
    for (const source of [worker, server])
      expect(source).toContain(`= ${String(REPORT_FRAME_PATH)}`)
    expect(String(app)).toBe(String(REPORT_FRAME_PATH))
  })

  it('answers those navigations from the precache, with report.html', async () => {
    const listeners: ((event: object) => void)[] = []
    const match = vi.fn(() => Promise.resolve(new Response('frame')))
    const worker = {
      location: new URL('https://gs.example/sw.js'),
      registration: { scope: 'https://gs.example/' },
      addEventListener: (_type: string, listener: (event: object) => void) =>
        listeners.push(listener),
    }
    runInNewContext(
      readFileSync(new URL('../public/sw-report-frame.js', import.meta.url), 'utf8'),
      {
        self: worker,
        caches: { match },
        URL,
        fetch: () => Promise.reject(new Error('offline')),
      },
    )
    const navigate = async (path: string) => {
      let answer: Promise<Response> | null = null
      const request = { mode: 'navigate', url: `https://gs.example${path}` }
      listeners.forEach((listener) =>
        listener({ request, respondWith: (r: Promise<Response>) => (answer = r) }),
      )
      return answer ? await (answer as Promise<Response>).then((r) => r.text()) : null
    }
    for (const path of FRAME_PATHS) expect(await navigate(path), path).toBe('frame')
    for (const path of SHELL_PATHS) expect(await navigate(path), path).toBeNull()
    expect(match).toHaveBeenCalledWith('https://gs.example/report.html', { ignoreSearch: true })
  })
})
