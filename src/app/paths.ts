import type { StaffScreen } from '@/features/staff/session/screens'

/** Every URL of the app, the owner's and the staff console's. Route patterns live in router.tsx;
 * screens link only through these. */
export const paths = {
  home: () => '/',
  scan: () => '/scan',
  drafts: () => '/drafts',
  newDraft: () => '/drafts/new',
  draft: (id: string) => `/drafts/${encodeURIComponent(id)}`,
  code: (token: string) => `/q/${encodeURIComponent(token)}`,
  receipt: (ticketId: string) => `/receipts/${encodeURIComponent(ticketId)}`,
  /** What a receipt's QR opens on any phone: the ticket looked up by number and code (issue 5). */
  receiptLookup: (number: string, code: string) =>
    `/r/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`,
  tickets: () => '/tickets',
  ticket: (id: string) => `/tickets/${encodeURIComponent(id)}`,
  caseFile: (id: string) => `/tickets/${encodeURIComponent(id)}/case-file`,
  linkDevice: () => '/tickets/link',
  lookup: () => '/lookup',
  /** The claim screen of a registered report, filled in from its SMS link or receipt QR. */
  claim: (number?: string, code?: string) =>
    number === undefined
      ? '/claim'
      : `/claim?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code ?? '')}`,
  /** An entity code (经营主体服务码): starts a report with the business filled in. */
  entityCode: (token: string) => `/e/${encodeURIComponent(token)}`,
  /** The staff console, under /staff; one entry per screen in its navigation (screens.ts). */
  staff: {
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
  },
}

/** The URL of a console screen named in the navigation. */
export const staffScreenPath = (screen: StaffScreen): string => paths.staff[screen]()

/** The screen one level up, where the nav bar's back link goes: /drafts/abc → /drafts, /scan → /. */
export function parentPath(pathname: string): string {
  return pathname.replace(/\/[^/]*\/?$/, '') || paths.home()
}
