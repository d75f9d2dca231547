import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { problem, renderStaff } from '@/test/render-staff'
import { SignInForm } from './sign-in-form'

describe('SignInForm', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => {
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    renderStaff(<SignInForm />)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('names the system it signs in to (issue 17)', () => {
    expect(screen.getByText('桂商码 · 经营主体诉求办理平台')).toBeVisible()
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('工作人员登录')
  })

  it('says a wrong password in plain words, without the status code (issue 17)', async () => {
    fetchMock.mockResolvedValue(problem(401, '用户名或密码不正确。'))
    await userEvent.type(screen.getByLabelText('用户名'), 'desk.nanning')
    await userEvent.type(screen.getByLabelText('密码'), 'wrong-password')
    await userEvent.click(screen.getByRole('button', { name: '登录' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/^用户名或密码不正确。$/)
    expect(screen.getByLabelText('用户名')).toHaveValue('desk.nanning')
  })
})
