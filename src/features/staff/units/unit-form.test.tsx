import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AdminUnit } from '../../../../mock-api/contract'
import { bodyOf, heldAnswer, json, problem, renderStaff } from '@/test/render-staff'
import { UnitForm } from './unit-form'

const CREATED: AdminUnit = {
  id: 'unit-1',
  name: '南宁市数据局',
  level: 'city',
  divisionCode: '450100',
  isActive: true,
  openTickets: 0,
  createdAt: '2026-11-26T01:00:00.000Z',
  retiredAt: null,
}

describe('UnitForm', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onCreated = vi.fn<(unit: AdminUnit) => void>()
  beforeEach(() => {
    fetchMock.mockReset()
    onCreated.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    renderStaff(<UnitForm onCreated={onCreated} />)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('creates a unit once on a double click, with the level of its division', async () => {
    const { answer, release } = heldAnswer()
    fetchMock.mockReturnValue(answer)
    await userEvent.type(screen.getByLabelText('单位名称'), '  南宁市数据局 ')
    await userEvent.selectOptions(screen.getByLabelText('所在地'), '南宁市 青秀区')
    expect(screen.getByText('层级：县级')).toBeInTheDocument()
    await userEvent.selectOptions(screen.getByLabelText('所在地'), '南宁市')
    await userEvent.dblClick(screen.getByRole('button', { name: '创建单位' }))
    release(json(201, CREATED))

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(CREATED))
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/staff/admin/units')
    expect(bodyOf(init)).toEqual({ name: '南宁市数据局', level: 'city', divisionCode: '450100' })
    expect(screen.getByLabelText('单位名称')).toHaveValue('')
  })

  it('asks for a name before sending anything', async () => {
    await userEvent.click(screen.getByRole('button', { name: '创建单位' }))
    expect(screen.getByRole('alert')).toHaveTextContent('请填写单位名称')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('shows the server’s refusal and keeps what was typed', async () => {
    fetchMock.mockResolvedValue(problem(409, '该地区已有同名单位。'))
    await userEvent.type(screen.getByLabelText('单位名称'), '南宁市市场监督管理局')
    await userEvent.keyboard('{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('该地区已有同名单位。')
    expect(screen.getByLabelText('单位名称')).toHaveValue('南宁市市场监督管理局')
    expect(screen.getByRole('button', { name: '创建单位' })).toBeEnabled()
    expect(onCreated).not.toHaveBeenCalled()
  })
})
