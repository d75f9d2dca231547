import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem, NetworkError, parseRetryAfter, request } from './http'

const answer = (body: string | null, status: number, headers: Record<string, string> = {}) =>
  vi.fn(() => Promise.resolve(new Response(body, { status, headers })))

describe('request', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('sends JSON under /api and resolves with the answer', async () => {
    const fetch = answer('{"id":"t1"}', 201)
    vi.stubGlobal('fetch', fetch)
    const result = await request({
      method: 'POST',
      path: '/reports',
      body: { kind: 'json', value: { a: 1 } },
    })
    expect(result).toEqual({ status: 201, body: { id: 't1' } })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/reports')
    expect(init.body).toBe('{"a":1}')
    expect(new Headers(init.headers).get('content-type')).toBe('application/json')
  })

  it('sends a multipart form without setting its content type (the browser adds the boundary)', async () => {
    const fetch = answer(null, 204)
    vi.stubGlobal('fetch', fetch)
    await request({
      method: 'POST',
      path: '/tickets/t1/attachments',
      body: { kind: 'multipart', fields: { id: 'a1' }, files: { file: new Blob(['x']) } },
    })
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(init.body).toBeInstanceOf(FormData)
    expect((init.body as FormData).get('id')).toBe('a1')
    expect(new Headers(init.headers).has('content-type')).toBe(false)
  })

  it('turns problem+json into an ApiProblem with the message, fields and Retry-After', async () => {
    const problem = {
      type: 'https://guishang/problems/validation',
      title: 'Invalid',
      status: 422,
      message: { zh: '标题必填', en: 'A title is required' },
      errors: [{ field: 'title', code: 'required' }],
    }
    vi.stubGlobal('fetch', answer(JSON.stringify(problem), 422, { 'retry-after': '7' }))
    const error = await request({ path: '/reports' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect(error).toMatchObject({ status: 422, problem, retryAfterMs: 7_000 })
  })

  it('still gives an ApiProblem when a proxy answers an error in HTML', async () => {
    vi.stubGlobal('fetch', answer('<h1>Bad Gateway</h1>', 502))
    const error = await request({ path: '/reports' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 502, problem: { status: 502, type: 'about:blank' } })
  })

  it('tells a dead network and a timeout apart from an answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const offline = await request({ path: '/x' }).catch((e: unknown) => e)
    expect(offline).toBeInstanceOf(NetworkError)
    expect(offline).toMatchObject({ isTimeout: false })

    vi.useFakeTimers()
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () =>
              reject(new DOMException('', 'AbortError')),
            ),
          ),
      ),
    )
    const pending = request({ path: '/x', timeoutMs: 1_000 }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(999)
    await vi.advanceTimersByTimeAsync(1)
    expect(await pending).toMatchObject({ name: 'NetworkError', isTimeout: true })
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })
})
