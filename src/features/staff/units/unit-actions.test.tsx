import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AdminUnit } from '../../../../mock-api/contract'
import { bodyOf, json, problem, renderStaff } from '@/test/render-staff'
import { UnitActions } from './unit-actions'

const UNIT: AdminUnit = {
  id: 'nanning-tax',
  name: '国家税务总局南宁市税务局',
  level: 'city',
  divisionCode: '450100',
  isActive: true,
  openTickets: 2,
  createdAt: '2026-02-13T02:00:00.000Z',
  retiredAt: null,
}

describe('UnitActions', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onDone = vi.fn<(message: string) => void>()
  beforeEach(() => {
    fetchMock.mockReset()
    onDone.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    renderStaff(<UnitActions unit={UNIT} onDone={onDone} />)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('renames the unit from the keyboard and says what it did', async () => {
    fetchMock.mockResolvedValue(json(200, { ...UNIT, name: '南宁市税务局' }))
    await userEvent.click(screen.getByRole('button', { name: '改名：国家税务总局南宁市税务局' }))
    const input = screen.getByRole('textbox', { name: '“国家税务总局南宁市税务局”的新名称' })
    await userEvent.clear(input)
    await userEvent.type(input, '南宁市税务局{Enter}')

    await vi.waitFor(() =>
      expect(onDone).toHaveBeenCalledWith('已将“国家税务总局南宁市税务局”改名为“南宁市税务局”。'),
    )
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/staff/admin/units/nanning-tax')
    expect(init?.method).toBe('PATCH')
    expect(bodyOf(init)).toEqual({ name: '南宁市税务局' })
  })

  it('shows why a unit with open tickets cannot be deactivated', async () => {
    fetchMock.mockResolvedValue(problem(409, '该单位还有 2 件未办结的工单，办结或改派后才能停用。'))
    await userEvent.click(screen.getByRole('button', { name: '停用“国家税务总局南宁市税务局”' }))
    const dialog = screen.getByRole('alertdialog', { name: '停用“国家税务总局南宁市税务局”？' })
    expect(dialog).toHaveAccessibleDescription(/分派时不再列出该单位/)
    expect(fetchMock).not.toHaveBeenCalled()
    await userEvent.click(within(dialog).getByRole('button', { name: '停用' }))

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '该单位还有 2 件未办结的工单，办结或改派后才能停用。',
    )
    expect(bodyOf(fetchMock.mock.calls[0]?.[1])).toEqual({ active: false })
    expect(onDone).not.toHaveBeenCalled()
  })
})
