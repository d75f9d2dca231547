import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { ApiProblem } from '@/lib/http'
import type { ServicePoint } from '../../../mock-api/contract'
import { servicePointQuery } from './queries'

/**
 * Where the check of a scanned window code stands. `waiting`: offline, it runs once online.
 * `unknown`: forged or altered (404); `retired`: no longer in use (410); `failed`: no answer yet.
 */
export type CodeCheck =
  | { status: 'none' | 'waiting' | 'checking' | 'unknown' | 'retired' | 'failed' }
  | { status: 'valid'; point: ServicePoint }

/** Checks `token` with the server while `isWanted`; `none` when there is nothing to check. */
export function useCodeCheck(token: string | null, isWanted: boolean): CodeCheck {
  const isEnabled = token !== null && isWanted
  const { data, error, fetchStatus } = useQuery({
    ...servicePointQuery(token ?? ''),
    enabled: isEnabled,
  })
  // The same object while nothing changed, so a screen can pass it to memoized parts.
  return useMemo((): CodeCheck => {
    if (!isEnabled) return { status: 'none' }
    if (data) return { status: 'valid', point: data }
    return { status: statusOf(error, fetchStatus === 'paused') }
  }, [isEnabled, data, error, fetchStatus])
}

function statusOf(error: Error | null, isPaused: boolean): Exclude<CodeCheck['status'], 'valid'> {
  if (error instanceof ApiProblem && error.status === 404) return 'unknown'
  if (error instanceof ApiProblem && error.status === 410) return 'retired'
  if (error) return 'failed'
  return isPaused ? 'waiting' : 'checking'
}
