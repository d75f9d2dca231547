import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AdminUnit, ResponsibilityEntry } from '../../../../mock-api/contract'
import { bodyOf, heldAnswer, json, problem, renderStaff } from '@/test/render-staff'
import { ResponsibilityForm } from './responsibility-form'

const unit = (id: string, name: string, divisionCode: string): AdminUnit => ({
  id,
  name,
  level: divisionCode === '450000' ? 'region' : 'city',
  divisionCode,
  isActive: true,
  openTickets: 0,
  createdAt: '2026-02-13T02:00:00.000Z',
  retiredAt: null,
})
const UNITS = [
  unit('unit-1', '南宁市数据局', '450100'),
  unit('nanning-amr', '南宁市市场监督管理局', '450100'),
  unit('region-amr', '广西壮族自治区市场监督管理局', '450000'),
]
const ENTRY: ResponsibilityEntry = {
  divisionCode: '450100',
  category: 'suggestion',
  leadUnitId: 'unit-1',
  coUnitIds: ['nanning-amr'],
  updatedAt: '2026-11-26T01:00:00.000Z',
}

describe('ResponsibilityForm', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onDone = vi.fn<(message: string) => void>()
  const show = (entry?: ResponsibilityEntry) =>
    renderStaff(
      <ResponsibilityForm
        divisionCode="450100"
        category="suggestion"
        entry={entry}
        units={UNITS}
        onDone={onDone}
      />,
    )
  beforeEach(() => {
    fetchMock.mockReset()
    onDone.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('sets the lead and a co-unit once, and says what it did', async () => {
    const { answer, release } = heldAnswer()
    fetchMock.mockReturnValue(answer)
    show()
    await userEvent.selectOptions(screen.getByLabelText('主办单位'), '南宁市数据局')
    expect(screen.queryByRole('checkbox', { name: '南宁市数据局' })).toBeNull()
    await userEvent.click(screen.getByRole('checkbox', { name: '广西壮族自治区市场监督管理局' }))
    await userEvent.dblClick(screen.getByRole('button', { name: '保存责任清单' }))
    release(json(200, { ...ENTRY, coUnitIds: ['region-amr'] }))

    await vi.waitFor(() =>
      expect(onDone).toHaveBeenCalledWith('已设置：南宁市的意见建议由“南宁市数据局”主办。'),
    )
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/staff/admin/responsibilities/450100/suggestion')
    expect(init?.method).toBe('PUT')
    expect(bodyOf(init)).toEqual({ leadUnitId: 'unit-1', coUnitIds: ['region-amr'] })
  })

  it('asks for a lead unit before sending anything', async () => {
    show()
    await userEvent.click(screen.getByRole('button', { name: '保存责任清单' }))
    expect(screen.getByRole('alert')).toHaveTextContent('请选择主办单位。')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('starts from the stored entry, shows a refusal, and removes the entry', async () => {
    fetchMock.mockResolvedValueOnce(problem(422, '填写的内容有误，请检查。'))
    show(ENTRY)
    expect(screen.getByLabelText('主办单位')).toHaveValue('unit-1')
    expect(screen.getByRole('checkbox', { name: '南宁市市场监督管理局' })).toBeChecked()
    await userEvent.click(screen.getByRole('button', { name: '保存责任清单' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('填写的内容有误，请检查。')

    fetchMock.mockResolvedValueOnce(json(204, null))
    await userEvent.click(screen.getByRole('button', { name: '移除南宁市意见建议的设置' }))
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('已移除南宁市意见建议的设置。'))
    expect(fetchMock.mock.calls[1]?.[1]?.method).toBe('DELETE')
  })
})
