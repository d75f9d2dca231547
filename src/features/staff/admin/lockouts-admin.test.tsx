import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AdminLockout } from '../../../../mock-api/contract'
import { json, problem, renderStaff } from '@/test/render-staff'
import { LockoutsAdmin } from './lockouts-admin'

const PAIR: AdminLockout = {
  key: 'signin:pair:zhang.wei@203.0.113.7',
  kind: 'sign_in_from_address',
  subject: 'zhang.wei@203.0.113.7',
  failures: 5,
  // 18:30 in Nanning.
  lockedUntil: '2026-03-02T10:30:00.000Z',
}
const RECEIPT: AdminLockout = {
  key: 'receipt:number:GX20260301000123',
  kind: 'receipt_number',
  subject: 'GX20260301000123',
  failures: 30,
  lockedUntil: '2026-03-02T11:00:00.000Z',
}

const urlOf = (input: Parameters<typeof fetch>[0]) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url

describe('LockoutsAdmin', () => {
  const fetchMock = vi.fn<typeof fetch>()
  let lockouts: AdminLockout[]
  beforeEach(() => {
    lockouts = [PAIR, RECEIPT]
    fetchMock.mockReset()
    // The server's answers: the list as it stands, and a DELETE that clears the named key.
    fetchMock.mockImplementation((input, init) => {
      const url = urlOf(input)
      if (init?.method === 'DELETE') {
        const key = decodeURIComponent(url.slice('/api/staff/admin/lockouts/'.length))
        const before = lockouts.length
        lockouts = lockouts.filter((row) => row.key !== key)
        return Promise.resolve(
          lockouts.length < before ? json(204, null) : problem(404, '没有这个锁定。'),
        )
      }
      return Promise.resolve(json(200, { lockouts }))
    })
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('lists what is locked in plain words, until when in China time and how many failures', async () => {
    renderStaff(<LockoutsAdmin />)
    const pairRow = (await screen.findByText('用户名“zhang.wei”从地址 203.0.113.7 登录')).closest(
      'tr',
    )
    expect(pairRow).not.toBeNull()
    expect(within(pairRow as HTMLElement).getByText(/18:30/)).toBeInTheDocument()
    expect(within(pairRow as HTMLElement).getByText('5')).toBeInTheDocument()
    expect(
      screen.getByText('工单号 GX20260301000123 的回执查询（来自任何地址）'),
    ).toBeInTheDocument()
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/staff/admin/lockouts')
  })

  it('clears one after the admin confirms the consequence, and the row disappears', async () => {
    renderStaff(<LockoutsAdmin />)
    await userEvent.click(
      await screen.findByRole('button', {
        name: '解除锁定：用户名“zhang.wei”从地址 203.0.113.7 登录',
      }),
    )

    const dialog = screen.getByRole('alertdialog', {
      name: '解除锁定：用户名“zhang.wei”从地址 203.0.113.7 登录？',
    })
    expect(dialog).toHaveAccessibleDescription(/对方也能马上接着试/)
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false)
    await userEvent.click(within(dialog).getByRole('button', { name: '解除' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      '已解除锁定：用户名“zhang.wei”从地址 203.0.113.7 登录。',
    )
    const deletes = fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')
    expect(deletes.map(([input]) => urlOf(input))).toEqual([
      `/api/staff/admin/lockouts/${encodeURIComponent(PAIR.key)}`,
    ])
    expect(screen.queryByText('用户名“zhang.wei”从地址 203.0.113.7 登录')).not.toBeInTheDocument()
    expect(
      screen.getByText('工单号 GX20260301000123 的回执查询（来自任何地址）'),
    ).toBeInTheDocument()
  })

  it('sends nothing when the admin thinks again', async () => {
    renderStaff(<LockoutsAdmin />)
    await userEvent.click(await screen.findByRole('button', { name: /^解除锁定：工单号/ }))
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: '再想想' }),
    )
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()

    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false)
    expect(
      screen.getByText('工单号 GX20260301000123 的回执查询（来自任何地址）'),
    ).toBeInTheDocument()
  })

  it('says so when nothing is locked', async () => {
    lockouts = []
    renderStaff(<LockoutsAdmin />)
    expect(await screen.findByText('当前没有锁定')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })
})
