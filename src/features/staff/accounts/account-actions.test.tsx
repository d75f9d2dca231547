import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StaffAccount } from '../../../../mock-api/contract'
import { bodyOf, json, renderStaff } from '@/test/render-staff'
import { AccountActions } from './account-actions'

const ACCOUNT: StaffAccount = {
  id: 'b6d8f3d2-0000-4000-8000-000000000001',
  username: 'desk.liuzhou2',
  displayName: '柳州市专席（二）',
  role: 'desk',
  divisionCode: '450200',
  unitId: null,
  unitName: null,
  disabled: false,
}

describe('AccountActions', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onDone = vi.fn<(text: string) => void>()
  beforeEach(() => {
    fetchMock.mockReset()
    onDone.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    renderStaff(<AccountActions account={ACCOUNT} isSelf={false} onDone={onDone} />)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('disables an account only after a dialog says it is signed out at once', async () => {
    fetchMock.mockResolvedValue(json(200, { ...ACCOUNT, disabled: true }))
    await userEvent.click(screen.getByRole('button', { name: '停用“desk.liuzhou2”' }))
    const dialog = screen.getByRole('alertdialog', { name: '停用“desk.liuzhou2”？' })
    expect(dialog).toHaveAccessibleDescription(/立即退出登录/)
    expect(fetchMock).not.toHaveBeenCalled()

    await userEvent.click(within(dialog).getByRole('button', { name: '停用' }))
    await vi.waitFor(() =>
      expect(onDone).toHaveBeenCalledWith('已停用“desk.liuzhou2”，其登录已全部失效。'),
    )
    expect(bodyOf(fetchMock.mock.calls[0]?.[1])).toEqual({ disabled: true })
  })
})
