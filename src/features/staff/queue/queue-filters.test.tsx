import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderStaff } from '@/test/render-staff'
import { queuePath, type QueueFilter } from '../common/api'
import { QueueFilters } from './queue-filters'

describe('QueueFilters (issue 17)', () => {
  it('sends the search on Enter, not on every key, and applies a select at once', async () => {
    const onChange = vi.fn<(filter: QueueFilter) => void>()
    renderStaff(<QueueFilters filter={{ status: 'submitted' }} onChange={onChange} />)
    const search = screen.getByRole('searchbox', { name: '搜索' })
    await userEvent.type(search, ' 13912345678 ')
    expect(onChange).not.toHaveBeenCalled()
    await userEvent.keyboard('{Enter}')
    expect(onChange).toHaveBeenLastCalledWith({ status: 'submitted', q: '13912345678' })
    await userEvent.selectOptions(screen.getByLabelText('期限'), '已超期')
    expect(onChange).toHaveBeenLastCalledWith({ status: 'submitted', due: 'overdue' })
    await userEvent.click(screen.getByRole('button', { name: '清除条件' }))
    expect(onChange).toHaveBeenLastCalledWith({})
  })

  it('asks the server for the filters given, leaving empty ones out', () => {
    expect(queuePath({})).toBe('/staff/queue')
    expect(queuePath({ q: ' 青秀 ', status: '', category: 'help', due: 'near' })).toBe(
      '/staff/queue?q=%E9%9D%92%E7%A7%80&category=help&due=near',
    )
  })
})
