import { screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { StaffMe, StaffRole } from '../../../../mock-api/contract'
import { renderStaff } from '@/test/render-staff'
import { StaffLayout } from './staff-layout'

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
