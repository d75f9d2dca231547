import { screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { StaffMe, StaffRole } from '../../../../mock-api/contract'
import { renderStaff } from '@/test/render-staff'
import { StaffLayout, whoParts } from './staff-layout'

// Admin screens are guarded by the navigation (screens.ts) and by the API's role check.
describe('the lockouts screen in the navigation', () => {
  const me = (role: StaffRole): StaffMe => ({ username: role, displayName: role, role, scope: {} })
  const navOf = (role: StaffRole) => {
    renderStaff(
      <MemoryRouter>
        <StaffLayout me={me(role)}>{null}</StaffLayout>
      </MemoryRouter>,
    )
    return screen.getByRole('navigation', { name: '工作台导航' })
  }

  it('is offered to an admin', () => {
    expect(within(navOf('admin')).getByRole('link', { name: '登录与查询锁定' })).toHaveAttribute(
      'href',
      '/staff/lockouts',
    )
  })

  it.each(['desk', 'unit', 'office', 'window', 'workstation'] as const)(
    'is not offered to a %s',
    (role) => {
      expect(within(navOf(role)).queryByRole('link', { name: '登录与查询锁定' })).toBeNull()
    },
  )
})

describe('the header’s who line (issue 17)', () => {
  it('names the unit once and keeps what the name does not say', () => {
    expect(whoParts('南宁市市场监督管理局', '承办单位', '南宁市市场监督管理局')).toEqual({
      name: '南宁市市场监督管理局',
      rest: ['承办单位'],
    })
    expect(whoParts('南宁市工作小组办公室', '工作小组办公室', '南宁市').rest).toEqual([])
    expect(whoParts('王芳', '专席', '南宁市').rest).toEqual(['专席', '南宁市'])
  })
})
