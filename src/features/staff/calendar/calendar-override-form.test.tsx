import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bodyOf, heldAnswer, json, problem, renderStaff } from '@/test/render-staff'
import { CalendarOverrideForm } from './calendar-override-form'

describe('CalendarOverrideForm', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onDone = vi.fn<(message: string) => void>()
  beforeEach(() => {
    fetchMock.mockReset()
    onDone.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    renderStaff(<CalendarOverrideForm year={2030} onDone={onDone} />)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('adds a holiday once on a double click, and says what it did', async () => {
    const { answer, release } = heldAnswer()
    fetchMock.mockReturnValue(answer)
    await userEvent.type(screen.getByLabelText('日期'), '2030-02-04')
    await userEvent.type(screen.getByLabelText('说明（选填）'), '春节')
    await userEvent.dblClick(screen.getByRole('button', { name: '添加调整' }))
    release(json(200, { date: '2030-02-04', kind: 'holiday', note: '春节' }))

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith('已将 2030-02-04 调整为放假。'))
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/staff/calendar/overrides/2030-02-04')
    expect(init?.method).toBe('PUT')
    expect(bodyOf(init)).toEqual({ kind: 'holiday', note: '春节' })
  })

  it('refuses a date outside the year it shows, before sending', async () => {
    await userEvent.type(screen.getByLabelText('日期'), '2031-01-02')
    await userEvent.click(screen.getByRole('button', { name: '添加调整' }))
    expect(screen.getByRole('alert')).toHaveTextContent('请选择 2030 年内的日期。')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('opens a weekend day for work, and shows the server’s refusal', async () => {
    fetchMock.mockResolvedValue(problem(409, '2030 年的节假日以国务院放假安排为准，不能调整。'))
    await userEvent.type(screen.getByLabelText('日期'), '2030-02-09')
    await userEvent.selectOptions(screen.getByLabelText('调整为'), '上班')
    await userEvent.click(screen.getByRole('button', { name: '添加调整' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^2030 年的节假日以国务院放假安排为准，不能调整。$/,
    )
    expect(bodyOf(fetchMock.mock.calls[0]?.[1])).toEqual({ kind: 'workday' })
    expect(screen.getByLabelText('日期')).toHaveValue('2030-02-09')
  })
})
