import type { StaffScreen } from '@/features/staff/screens'

/** Every URL of the staff console (router.tsx mounts it at /staff/*). */
export const staffPaths = {
  home: () => '/staff',
  queue: () => '/staff/queue',
  board: () => '/staff/board',
  servicePoints: () => '/staff/service-points',
  statistics: () => '/staff/statistics',
  accounts: () => '/staff/accounts',
  units: () => '/staff/units',
  calendar: () => '/staff/calendar',
  intake: () => '/staff/intake',
  entityCodes: () => '/staff/entity-codes',
  notifications: () => '/staff/notifications',
  lockouts: () => '/staff/lockouts',
  ticket: (id: string) => `/staff/tickets/${encodeURIComponent(id)}`,
}

export const screenPath = (screen: StaffScreen): string => staffPaths[screen]()
