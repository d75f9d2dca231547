import type { StaffRole } from '../../../../mock-api/contract'

/** The console's screens, and who sees which in the navigation (the API enforces the same). */
export const STAFF_SCREENS = [
  'queue',
  'board',
  'servicePoints',
  'statistics',
  'accounts',
  'units',
  'calendar',
  'intake',
  'entityCodes',
  'notifications',
  'lockouts',
] as const
export type StaffScreen = (typeof STAFF_SCREENS)[number]

const SCREENS_BY_ROLE: Readonly<Record<StaffRole, readonly StaffScreen[]>> = {
  desk: ['queue', 'intake', 'servicePoints'],
  unit: ['queue'],
  office: ['board', 'statistics', 'calendar'],
  admin: [
    'servicePoints',
    'entityCodes',
    'statistics',
    'accounts',
    'units',
    'calendar',
    'notifications',
    'lockouts',
  ],
  window: ['intake', 'queue', 'entityCodes'],
  workstation: ['intake', 'queue'],
}

export const screensFor = (role: StaffRole): readonly StaffScreen[] => SCREENS_BY_ROLE[role]

/** Where a staff member lands after signing in. */
export const homeScreenOf = (role: StaffRole): StaffScreen => SCREENS_BY_ROLE[role][0] ?? 'queue'
