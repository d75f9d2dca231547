import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, problem, renderStaff } from '@/test/render-staff'
import { Component as Queue } from './queue'

describe('the queue screen', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => {
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('shows a role without a queue the refusal alone, without search or filters', async () => {
    fetchMock.mockResolvedValue(problem(403, '没有权限进行此操作。'))
    renderStaff(<Queue />)
    expect(await screen.findByText('没有权限进行此操作。')).toBeInTheDocument()
    expect(screen.queryByRole('search')).not.toBeInTheDocument()
  })

  it('keeps the search and filters for a desk whose queue is empty', async () => {
    fetchMock.mockResolvedValue(json(200, { tickets: [] }))
    renderStaff(<Queue />)
    expect(await screen.findByText('暂无待办工单。')).toBeInTheDocument()
    expect(screen.getByRole('search', { name: '查找工单' })).toBeInTheDocument()
  })
})
