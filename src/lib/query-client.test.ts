import { describe, expect, it } from 'vitest'
import { ApiProblem, NetworkError } from './http'
import { createQueryClient, READ_RETRIES, shouldRetryRead } from './query-client'

const problem = (status: number) => new ApiProblem({ type: 'about:blank', title: 'x', status })

describe('the query client', () => {
  it('shows a client error at once: the same read gets the same answer', () => {
    for (const status of [400, 401, 403, 404, 410, 422]) {
      expect({ status, retry: shouldRetryRead(0, problem(status)) }).toEqual({
        status,
        retry: false,
      })
    }
  })

  it('tries again, twice, after a network error, a server error, a timeout or a rate limit', () => {
    for (const error of [
      new NetworkError('offline', false),
      problem(500),
      problem(503),
      problem(408),
      problem(429),
    ]) {
      expect(shouldRetryRead(0, error)).toBe(true)
      expect(shouldRetryRead(READ_RETRIES - 1, error)).toBe(true)
      expect(shouldRetryRead(READ_RETRIES, error)).toBe(false)
    }
  })

  it('fails a forbidden read after one request, and a failing server after three', async () => {
    const client = createQueryClient()
    client.setDefaultOptions({
      queries: { ...client.getDefaultOptions().queries, retryDelay: 0 },
    })
    /** How many requests a read that always fails with `error` makes before it fails. */
    const requestsUntilFailure = async (error: ApiProblem) => {
      let requests = 0
      await expect(
        client.fetchQuery({
          queryKey: [error.status],
          queryFn: () => {
            requests += 1
            return Promise.reject(error)
          },
        }),
      ).rejects.toBe(error)
      return requests
    }
    expect(await requestsUntilFailure(problem(403))).toBe(1)
    expect(await requestsUntilFailure(problem(502))).toBe(1 + READ_RETRIES)
  })
})
