/**
 * The app's one fetch wrapper: base `/api`, JSON or multipart bodies, a timeout through
 * AbortController. A response the server sent with an error status rejects with `ApiProblem`
 * (RFC 9457 problem+json, parsed); no response at all (offline, DNS, reset, timeout) rejects with
 * `NetworkError`, so callers can tell "the server said no" from "the server never answered".
 */
import type { Problem } from '../../mock-api/contract'

export const API_BASE = '/api'
export const DEFAULT_TIMEOUT_MS = 20_000

export class ApiProblem extends Error {
  readonly status: number
  readonly problem: Problem
  /** From Retry-After (seconds or an HTTP date), in ms from when the response arrived. */
  readonly retryAfterMs: number | null

  constructor(problem: Problem, retryAfterMs: number | null = null) {
    super(problem.detail ?? problem.title)
    this.name = 'ApiProblem'
    this.status = problem.status
    this.problem = problem
    this.retryAfterMs = retryAfterMs
  }
}

export class NetworkError extends Error {
  readonly isTimeout: boolean

  constructor(message: string, isTimeout: boolean) {
    super(message)
    this.name = 'NetworkError'
    this.isTimeout = isTimeout
  }
}

export type RequestBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; fields: Record<string, string>; files: Record<string, Blob> }

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Below the API base, starting with `/`: `/reports`. */
  path: string
  body?: RequestBody
  headers?: Record<string, string>
  timeoutMs?: number
}

export type ApiResponse<T> = { status: number; body: T }

/** Retry-After as ms to wait: delta-seconds or an HTTP date (relative to `now`, epoch ms). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}

function toFetchBody(body: RequestBody | undefined): BodyInit | undefined {
  if (!body) return undefined
  if (body.kind === 'json') return JSON.stringify(body.value)
  const form = new FormData()
  for (const [name, value] of Object.entries(body.fields)) form.append(name, value)
  for (const [name, file] of Object.entries(body.files)) form.append(name, file)
  return form
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const body = await readJson(response).catch(() => null)
  // The contract (and zod) load with the first error answer, not with every screen that asks
  // the server something: a window code's form must take typing before they would have loaded.
  const { problemSchema } = await import('../../mock-api/contract')
  const parsed = problemSchema.safeParse(body)
  const problem: Problem = parsed.success
    ? parsed.data
    : { type: 'about:blank', title: response.statusText || 'HTTP error', status: response.status }
  return new ApiProblem(
    { ...problem, status: response.status },
    parseRetryAfter(response.headers.get('retry-after'), Date.now()),
  )
}

/** Sends one request; resolves with any 2xx answer, rejects with ApiProblem or NetworkError. */
export async function request<T = unknown>(options: RequestOptions): Promise<ApiResponse<T>> {
  const controller = new AbortController()
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (options.body?.kind === 'json') headers['content-type'] = 'application/json'
  try {
    let response: Response
    try {
      response = await fetch(`${API_BASE}${options.path}`, {
        method: options.method ?? 'GET',
        headers,
        body: toFetchBody(options.body),
        signal: controller.signal,
      })
    } catch (error) {
      if (controller.signal.aborted) throw new NetworkError(`timed out after ${timeoutMs} ms`, true)
      throw new NetworkError(error instanceof Error ? error.message : String(error), false)
    }
    if (!response.ok) throw await toProblem(response)
    try {
      return { status: response.status, body: (await readJson(response)) as T }
    } catch (error) {
      // The server answered but the body never fully arrived: the same as no answer.
      throw new NetworkError(error instanceof Error ? error.message : String(error), false)
    }
  } finally {
    clearTimeout(timer)
  }
}
