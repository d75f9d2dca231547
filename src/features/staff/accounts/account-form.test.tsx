import { QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StaffAccount } from '../../../../mock-api/contract'
import { createI18n } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'
import { AccountForm } from './account-form'

const CREATED: StaffAccount = {
  id: 'b6d8f3d2-0000-4000-8000-000000000001',
  username: 'desk.liuzhou2',
  displayName: '柳州市专席（二）',
  role: 'desk',
  divisionCode: '450200',
  unitId: null,
  unitName: null,
  disabled: false,
}
const UNITS = {
  units: [
    { id: 'liuzhou-tax', name: '国家税务总局柳州市税务局', level: 'city', divisionCode: '450200' },
  ],
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  })
const bodyOf = (init: RequestInit | undefined): unknown =>
  typeof init?.body === 'string' ? JSON.parse(init.body) : undefined

describe('AccountForm', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onCreated = vi.fn<(account: StaffAccount) => void>()
  const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')
  beforeEach(() => {
    fetchMock.mockReset()
    onCreated.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    render(
      <I18nProvider i18n={createI18n()}>
        <QueryClientProvider client={createQueryClient()}>
          <AccountForm onCreated={onCreated} />
        </QueryClientProvider>
      </I18nProvider>,
    )
  })
  afterEach(() => vi.unstubAllGlobals())

  const fill = async (username: string, password: string) => {
    await userEvent.type(screen.getByLabelText('用户名'), username)
    await userEvent.type(screen.getByLabelText('姓名或岗位'), '柳州市专席（二）')
    await userEvent.type(screen.getByLabelText('初始密码（至少 12 个字符）'), password)
  }

  it('marks each field the API would refuse, and sends nothing', async () => {
    await fill('X', 'short')
    await userEvent.click(screen.getByRole('button', { name: '创建账号' }))
    expect(screen.getByLabelText('用户名')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('初始密码（至少 12 个字符）')).toHaveAccessibleDescription(
      '至少 12 个字符',
    )
    expect(screen.getByRole('alert')).toHaveTextContent('请按提示修改标出的项目。')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('creates a Liuzhou desk once when clicked twice in a row', async () => {
    let answer: (response: Response) => void = () => {}
    fetchMock.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    await fill('desk.liuzhou2', 'a-long-initial-password')
    await userEvent.selectOptions(screen.getByLabelText('所属地区'), '柳州市')
    // Both clicks land before React re-renders the button as disabled.
    const create = screen.getByRole('button', { name: '创建账号' })
    act(() => {
      create.click()
      create.click()
    })
    answer(json(201, CREATED))

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(CREATED))
    expect(posts()).toHaveLength(1)
    const [url, init] = posts()[0] ?? []
    expect(url).toBe('/api/staff/admin/accounts')
    expect(bodyOf(init)).toEqual({
      username: 'desk.liuzhou2',
      displayName: '柳州市专席（二）',
      role: 'desk',
      divisionCode: '450200',
      unitId: null,
      servicePointId: null,
      password: 'a-long-initial-password',
    })
    expect(screen.getByLabelText('用户名')).toHaveValue('')
  })

  it('asks a unit account for its unit from the unit list', async () => {
    fetchMock.mockImplementation((url) =>
      Promise.resolve(url === '/api/staff/units' ? json(200, UNITS) : json(201, CREATED)),
    )
    await fill('unit.liuzhou.tax', 'a-long-initial-password')
    await userEvent.selectOptions(screen.getByLabelText('角色'), '承办单位')
    expect(screen.queryByLabelText('所属地区')).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '创建账号' }))
    expect(screen.getByLabelText('所属单位')).toHaveAccessibleDescription('请填写这一项')
    expect(posts()).toHaveLength(0)

    await screen.findByRole('option', { name: '国家税务总局柳州市税务局' })
    await userEvent.selectOptions(screen.getByLabelText('所属单位'), '国家税务总局柳州市税务局')
    await userEvent.click(screen.getByRole('button', { name: '创建账号' }))
    await vi.waitFor(() => expect(posts()).toHaveLength(1))
    expect(bodyOf(posts()[0]?.[1])).toMatchObject({
      role: 'unit',
      divisionCode: null,
      unitId: 'liuzhou-tax',
    })
  })

  it('shows the server’s refusal in its own words and lets the admin try again', async () => {
    fetchMock.mockResolvedValue(
      json(409, {
        type: 'urn:guishang:problem:username_taken',
        title: 'This username is taken; choose another.',
        status: 409,
        message: {
          zh: '该用户名已被使用，请换一个。',
          en: 'This username is taken; choose another.',
        },
        errors: [{ field: 'username', code: 'taken' }],
      }),
    )
    await fill('desk.liuzhou', 'a-long-initial-password')
    await userEvent.click(screen.getByRole('button', { name: '创建账号' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('该用户名已被使用，请换一个。')
    expect(screen.getByRole('button', { name: '创建账号' })).toBeEnabled()
    expect(onCreated).not.toHaveBeenCalled()
  })
})
