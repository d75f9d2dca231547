import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CalendarYear } from '../../../../mock-api/contract'
import { bodyOf, json, problem, renderStaff } from '@/test/render-staff'
import { CalendarYearForm } from './calendar-year-form'

const YEAR: CalendarYear = {
  year: 2030,
  isPackageYear: false,
  isMarkedComplete: false,
  completeNote: null,
  isCovered: false,
  days: [],
}

describe('CalendarYearForm', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onDone = vi.fn<(message: string) => void>()
  beforeEach(() => {
    fetchMock.mockReset()
    onDone.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('marks the year entered in full, with a note', async () => {
    fetchMock.mockResolvedValue(json(200, { ...YEAR, isMarkedComplete: true, isCovered: true }))
    renderStaff(<CalendarYearForm calendar={YEAR} onDone={onDone} />)
    await userEvent.type(screen.getByLabelText('备注（选填）'), '按国办发〔2029〕1号录入')
    await userEvent.click(screen.getByRole('button', { name: '标记本年度已录入完毕' }))

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('已将 2030 年标记为录入完毕。'))
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/staff/calendar/years/2030')
    expect(bodyOf(init)).toEqual({ note: '按国办发〔2029〕1号录入' })
  })

  it('unmarks a marked year, and shows a refusal', async () => {
    fetchMock.mockResolvedValue(problem(403, '没有权限进行此操作。'))
    renderStaff(<CalendarYearForm calendar={{ ...YEAR, isMarkedComplete: true }} onDone={onDone} />)
    await userEvent.click(screen.getByRole('button', { name: '取消“录入完毕”标记' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('没有权限')
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('DELETE')
    expect(onDone).not.toHaveBeenCalled()
  })
})
