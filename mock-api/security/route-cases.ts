/**
 * What the security tests need to call each documented route: which thing it names, a valid body,
 * and who may call it. Keyed by `METHOD /api/path` as in the RouteDocs; a route missing here fails
 * the tests by name, so a new route cannot slip past the authorization and bad-input sweeps.
 */
import { randomUUID } from 'node:crypto'
import { reportBody } from '../test/owner-fixtures.js'
import { STAFF_PASSWORD } from '../test/staff-fixtures.js'
import type { Party, World } from './fixture-world.js'

/** Path parameters (by their `{name}`) and a query string. */
export type Target = { params?: Readonly<Record<string, string>>; query?: string }

export type LiveCase = {
  /** Who gets a 2xx on `target`; everyone else is tried as the wrong party. */
  right: readonly Party[]
  target?: (w: World) => Target
  /** A valid JSON body, fresh for every call (ids are new each time). */
  body?: (w: World) => unknown
  /** The route takes one photo as multipart (`id`, `file`). */
  isUpload?: true
  /** The same route on something the right parties may not touch: 404 for them. */
  foreign?: (w: World) => Target
  /** Where a status differs from the rule in `expectedStatus`. */
  expect?: Partial<Record<Party, number>>
  /** The status a valid body gets when the refusal is about state, not input. */
  validStatus?: number
  /** Why the route reads no field of its (empty) body, so any JSON value passes. */
  ignoresBody?: string
}

export type RouteCase = LiveCase | { skip: string }

const NANNING_READERS = ['deskNanning', 'unitNanning', 'officeNanning'] as const
// One calendar for the region: the region office and admins keep it (no city office among these
// parties may), and every staff member reads it.
const CALENDAR_KEEPERS = ['admin'] as const
const CITY_OFFICES_READ_ONLY = { officeNanning: 403, officeLiuzhou: 403 } as const
const CALENDAR_READERS = [
  'deskNanning',
  'unitNanning',
  'officeNanning',
  'deskLiuzhou',
  'unitLiuzhou',
  'officeLiuzhou',
  'admin',
] as const
const ticketOf = (kind: keyof World['tickets']) => (w: World) => ({
  params: { id: w.tickets[kind].id },
})
const openPhoto = (w: World) => ({
  params: { id: w.tickets.open.id, attachmentId: w.attachments.open },
})
const anotherOwnersPhoto = (w: World) => ({
  params: { id: w.tickets.open.id, attachmentId: w.attachments.foreign },
})
const photoRoute: LiveCase = {
  right: ['owner', ...NANNING_READERS],
  target: openPhoto,
  foreign: anotherOwnersPhoto,
}
const servicePointCode: LiveCase = {
  right: ['deskNanning', 'admin'],
  target: (w) => ({ params: { id: w.servicePoints.nanning } }),
}
const ownerAction = (kind: keyof World['tickets'], body: object): LiveCase => ({
  right: ['owner'],
  target: ticketOf(kind),
  body: () => ({ id: randomUUID(), ...body }),
})
const UNKNOWN_PHONE = '13900009999'
const TEST_CLOCK_ONLY = { skip: 'registered only with TEST_CLOCK=1, which production refuses' }
// Open311 answers in its own form (403 for a bad api_key, an array of {code, description}), not
// the problem+json these sweeps read; routes/open311/*.test.ts try each of its refusals.
const OPEN311_ROUTES: Record<string, RouteCase> = Object.fromEntries(
  [
    'GET /open311/v2/discovery.json',
    'GET /open311/v2/services.json',
    'GET /open311/v2/services/{code}.json',
    'POST /open311/v2/requests.json',
    'GET /open311/v2/requests.json',
    'GET /open311/v2/requests/{id}.json',
  ].map((key) => [key, { skip: 'Open311 error form: covered by routes/open311/*.test.ts' }]),
)

export const ROUTE_CASES: Readonly<Record<string, RouteCase>> = {
  'GET /api/health': { right: ['anonymous'] },
  'GET /api/ready': { right: ['anonymous'] },
  'GET /api/docs': { right: ['anonymous'] },
  'GET /api/docs/ui': { right: ['anonymous'] },
  'POST /api/devices': { right: ['anonymous'] },
  // A phone nobody reported with: asking sends nothing, so no device is ever moved to another owner.
  'POST /api/devices/link': { right: ['owner'], body: () => ({ phone: UNKNOWN_PHONE }) },
  'POST /api/devices/link/confirm': {
    right: ['owner'],
    body: () => ({ phone: UNKNOWN_PHONE, code: '123456' }),
    validStatus: 410,
  },
  'GET /api/codes/{token}': {
    right: ['anonymous'],
    target: (w) => ({ params: { token: w.codeToken } }),
    foreign: (w) => ({ params: { token: `${w.codeToken.slice(0, -2)}xx` } }),
  },
  'GET /api/short-codes/{code}': {
    right: ['anonymous'],
    target: (w) => ({ params: { code: w.shortCode } }),
    foreign: () => ({ params: { code: 'ZZZZZZ' } }),
  },
  'POST /api/reports': {
    right: ['owner'],
    body: () => reportBody(),
  },
  'POST /api/reports/batch': {
    right: ['owner'],
    body: () => ({ reports: [reportBody(), reportBody()] }),
  },
  'POST /api/tickets/{id}/attachments': {
    right: ['owner'],
    target: ticketOf('open'),
    isUpload: true,
  },
  'GET /api/tickets/{id}/attachments': {
    right: ['owner', ...NANNING_READERS],
    target: ticketOf('open'),
  },
  'GET /api/tickets/{id}/attachments/{attachmentId}': photoRoute,
  'GET /api/tickets/{id}/attachments/{attachmentId}/thumbnail': photoRoute,
  'GET /api/tickets': { right: ['owner'] },
  'GET /api/tickets/{id}': { right: ['owner'], target: ticketOf('open') },
  'POST /api/tickets/{id}/materials': ownerAction('open', {
    text: '补充：窗口工作人员的答复录音。',
  }),
  'POST /api/tickets/{id}/urge': ownerAction('overdue', { note: '请尽快受理。' }),
  'POST /api/tickets/{id}/withdraw': ownerAction('submitted', { reason: '已自行解决。' }),
  'POST /api/tickets/{id}/rating': ownerAction('replied', {
    resolved: 'yes',
    satisfaction: 'satisfied',
  }),
  'GET /api/receipts/{number}': {
    right: ['anonymous'],
    target: (w) => ({
      params: { number: w.tickets.open.number },
      query: `code=${w.tickets.open.code}`,
    }),
    foreign: (w) => ({
      params: { number: w.tickets.open.number },
      query: `code=${w.tickets.foreign.code}`,
    }),
  },
  'POST /api/claims': {
    skip: 'each claim needs a registered ticket of its own; routes/claims.test.ts covers who may',
  },
  'POST /api/staff/intake': {
    right: ['deskNanning'],
    body: () => ({ ...reportBody(), channel: 'phone' }),
  },
  // Every desk sees a business's earlier tickets (headings only): a repeat shows whoever took it.
  'GET /api/staff/businesses/{creditCode}': {
    right: ['deskNanning', 'deskLiuzhou'],
    target: () => ({ params: { creditCode: '91450100MA5K00000B' } }),
  },
  'GET /api/entity-codes/{token}': {
    right: ['anonymous'],
    target: (w) => ({ params: { token: w.entityCodes.live.token } }),
  },
  'GET /api/staff/entity-codes': { right: ['admin'] },
  'POST /api/staff/entity-codes': {
    right: ['admin'],
    body: () => ({
      creditCode: '91450100MA5K00001E',
      name: '南宁某科技有限公司',
      kind: 'enterprise',
    }),
  },
  'DELETE /api/staff/entity-codes/{id}': {
    right: ['admin'],
    target: (w) => ({ params: { id: w.entityCodes.retirable } }),
  },
  'GET /api/staff/entity-codes/{id}/code.svg': {
    right: ['admin'],
    target: (w) => ({ params: { id: w.entityCodes.live.id } }),
  },
  'GET /api/events': { right: ['owner'] },
  'POST /api/events/token': { right: ['owner'] },
  'POST /api/staff/session': {
    right: ['anonymous'],
    body: () => ({ username: 'desk.nanning', password: STAFF_PASSWORD }),
  },
  'DELETE /api/staff/session': { right: ['anonymous'] },
  'GET /api/staff/me': { right: ['deskNanning'] },
  'GET /api/staff/queue': { right: ['deskNanning'] },
  'GET /api/staff/events': { right: ['deskNanning'] },
  'GET /api/staff/tickets/{id}': { right: NANNING_READERS, target: ticketOf('open') },
  'POST /api/staff/tickets/{id}/events': {
    right: ['unitNanning'],
    target: ticketOf('toSign'),
    body: () => ({ type: 'sign' }),
  },
  'POST /api/staff/tickets/{id}/attachments': {
    right: ['unitNanning'],
    target: ticketOf('handling'),
    isUpload: true,
  },
  'GET /api/staff/tickets/{id}/suggested-units': {
    right: NANNING_READERS,
    target: ticketOf('open'),
  },
  'GET /api/staff/units': { right: ['deskNanning'] },
  'GET /api/staff/service-points': { right: ['deskNanning', 'admin'] },
  'POST /api/staff/service-points': {
    right: ['admin'],
    body: () => ({ hall: '柳南区政务服务中心', window: '6号窗口', divisionCode: '450204' }),
  },
  'POST /api/staff/service-points/{id}/retire': {
    right: ['admin'],
    target: (w) => ({ params: { id: w.servicePoints.retirable } }),
    body: () => ({}),
    ignoresBody: 'nothing to say but the id; JSON is required only as the CSRF wall',
  },
  'GET /api/staff/service-points/{id}/code.svg': servicePointCode,
  'GET /api/staff/service-points/{id}/code.png': servicePointCode,
  'GET /api/staff/service-points/{id}/poster': servicePointCode,
  'GET /api/staff/service-points/{id}/print.js': servicePointCode,
  'GET /api/staff/statistics': { right: ['officeNanning', 'admin'] },
  'GET /api/staff/admin/accounts': { right: ['admin'] },
  'POST /api/staff/admin/accounts': {
    right: ['admin'],
    body: () => ({
      username: `desk.${randomUUID().slice(0, 8)}`,
      displayName: '柳州市专席（新）',
      role: 'desk',
      divisionCode: '450200',
      password: 'a-long-initial-password',
    }),
  },
  // Two fields, so leaving either out still changes something; neither ends a session.
  'PATCH /api/staff/admin/accounts/{id}': {
    right: ['admin'],
    target: (w) => ({ params: { id: w.accountId } }),
    body: () => ({ displayName: '柳州市工作小组办公室', disabled: false }),
  },
  'GET /api/staff/admin/units': { right: ['admin'] },
  'POST /api/staff/admin/units': {
    right: ['admin'],
    body: () => ({
      name: `柳州市测试局${randomUUID().slice(0, 8)}`,
      level: 'city',
      divisionCode: '450200',
    }),
  },
  // Its own name and state: two fields, so leaving either out still is a valid change.
  'PATCH /api/staff/admin/units/{id}': {
    right: ['admin'],
    target: () => ({ params: { id: 'liuzhou-commerce' } }),
    body: () => ({ name: '柳州市商务局', active: true }),
  },
  'GET /api/staff/admin/lockouts': { right: ['admin'] },
  'DELETE /api/staff/admin/lockouts/{key}': {
    right: [],
    target: () => ({ params: { key: 'signin:user:nobody.locked' } }),
    // No such lockout in the world: the admin's answer is 404, everyone else's the usual refusal.
    expect: { admin: 404 },
  },
  'GET /api/staff/admin/responsibilities': { right: ['admin'] },
  'PUT /api/staff/admin/responsibilities/{divisionCode}/{category}': {
    right: ['admin'],
    target: () => ({ params: { divisionCode: '450200', category: 'suggestion' } }),
    body: () => ({ leadUnitId: 'liuzhou-commerce', coUnitIds: ['liuzhou-tax'] }),
  },
  'DELETE /api/staff/admin/responsibilities/{divisionCode}/{category}': {
    right: ['admin'],
    target: () => ({ params: { divisionCode: '450200', category: 'help' } }),
  },
  'GET /api/staff/calendar': { right: CALENDAR_READERS },
  'PUT /api/staff/calendar/overrides/{date}': {
    right: CALENDAR_KEEPERS,
    expect: CITY_OFFICES_READ_ONLY,
    target: () => ({ params: { date: '2030-02-04' } }),
    body: () => ({ kind: 'holiday', note: '春节' }),
  },
  'DELETE /api/staff/calendar/overrides/{date}': {
    right: CALENDAR_KEEPERS,
    expect: CITY_OFFICES_READ_ONLY,
    target: () => ({ params: { date: '2030-02-05' } }),
  },
  'PUT /api/staff/calendar/years/{year}': {
    right: CALENDAR_KEEPERS,
    expect: CITY_OFFICES_READ_ONLY,
    target: () => ({ params: { year: '2031' } }),
    body: () => ({ note: '已按国务院放假安排录入' }),
  },
  'DELETE /api/staff/calendar/years/{year}': {
    right: CALENDAR_KEEPERS,
    expect: CITY_OFFICES_READ_ONLY,
    target: () => ({ params: { year: '2032' } }),
  },
  'GET /api/test/clock': TEST_CLOCK_ONLY,
  'POST /api/test/clock': TEST_CLOCK_ONLY,
  ...OPEN311_ROUTES,
  'GET /api/push/key': { right: ['anonymous'] },
  // Stored only: a subscription is never contacted until a ticket of its owner changes.
  'POST /api/push/subscriptions': {
    right: ['owner'],
    body: () => ({
      endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
      keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) },
    }),
  },
  'DELETE /api/push/subscriptions': {
    right: ['owner'],
    body: () => ({ endpoint: 'https://fcm.googleapis.com/fcm/send/none' }),
  },
  'GET /api/tickets/{id}/notifications': { right: ['owner'], target: ticketOf('open') },
  'PUT /api/tickets/{id}/notifications': {
    right: ['owner'],
    target: ticketOf('open'),
    body: () => ({ sms: true }),
  },
  'GET /api/staff/admin/notifications': { right: ['admin'] },
}
