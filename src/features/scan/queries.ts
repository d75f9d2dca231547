import { queryOptions } from '@tanstack/react-query'
import { ApiProblem, request } from '@/lib/http'
import { readServicePoint } from './service-point'

export const codeKeys = {
  all: ['codes'] as const,
  one: (token: string) => ['codes', token] as const,
}

/** A 404 (forged) or 410 (retired) is the answer, not a failure to retry. */
const isFinalAnswer = (error: unknown) =>
  error instanceof ApiProblem && error.status >= 400 && error.status < 500 && error.status !== 429

/**
 * The service point a window code names. Network mode stays 'online': offline the check waits,
 * and TanStack Query runs it when the browser is back online.
 */
export const servicePointQuery = (token: string) =>
  queryOptions({
    queryKey: codeKeys.one(token),
    queryFn: async () => {
      const { body } = await request({ path: `/codes/${encodeURIComponent(token)}` })
      return readServicePoint(body)
    },
    staleTime: Infinity,
    retry: (failures, error) => !isFinalAnswer(error) && failures < 3,
  })
