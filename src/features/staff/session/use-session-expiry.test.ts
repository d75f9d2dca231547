import { describe, expect, it } from 'vitest'
import { ApiProblem } from '@/lib/http'
import { createQueryClient } from '@/lib/query-client'
import { staffKeys } from '../common/queries'
import { forgetOnExpiry } from './use-session-expiry'

const ME = { username: 'desk.nanning', displayName: '南宁市专席', role: 'desk', scope: {} }
const expired = () => new ApiProblem({ type: 'about:blank', title: 'Unauthorized', status: 401 })

describe('forgetOnExpiry', () => {
  it('signs the console out when a staff read comes back 401', async () => {
    const queryClient = createQueryClient()
    queryClient.setQueryData(staffKeys.me, ME)
    const stop = forgetOnExpiry(queryClient)
    await queryClient
      .fetchQuery({
        queryKey: staffKeys.queue,
        queryFn: () => Promise.reject(expired()),
        retry: false,
      })
      .catch(() => {})
    expect(queryClient.getQueryData(staffKeys.me)).toBeNull()
    expect(queryClient.getQueryData(staffKeys.queue)).toBeUndefined()
    stop()
  })

  it('keeps the person signed in when the server refuses for another reason', async () => {
    const queryClient = createQueryClient()
    queryClient.setQueryData(staffKeys.me, ME)
    const stop = forgetOnExpiry(queryClient)
    const forbidden = new ApiProblem({ type: 'about:blank', title: 'Forbidden', status: 403 })
    await queryClient
      .fetchQuery({
        queryKey: staffKeys.queue,
        queryFn: () => Promise.reject(forbidden),
        retry: false,
      })
      .catch(() => {})
    expect(queryClient.getQueryData(staffKeys.me)).toEqual(ME)
    stop()
  })
})
