// The world the security tests try every route against, made once per file: Nanning tickets of
// one owner in the states the owner's actions need (the open one dispatched to the Nanning AMR,
// with a photo), a second owner with a ticket and photo of their own, signed-in staff of Nanning
// and Liuzhou, and service points.
import { randomUUID } from 'node:crypto'
import type { Env } from '../config.js'
import type { StaffRole } from '../contract.js'
import { signServicePointToken } from '../storage/service-point-tokens.js'
import { upload } from '../test/attachment-fixtures.js'
import type { TestStore } from '../test/databases.js'
import { plainJpeg } from '../test/image-fixtures.js'
import type { Device, OwnerTestApp } from '../test/owner-fixtures.js'
import { buildOwnerApp, newDevice, reportTicket } from '../test/owner-fixtures.js'
import { advance, seedStaff, signIn } from '../test/staff-fixtures.js'
import { FIXED_NOW } from '../test/test-app.js'

export const CODE_SECRET = 'security-tests-code-secret-0123456789abcdef'

/** Staff parties: the Nanning ticket's own city, the other city, and the admin. */
export const STAFF_PARTIES = {
  deskNanning: { username: 'desk.nanning', role: 'desk' },
  unitNanning: { username: 'unit.nanning.amr', role: 'unit' },
  officeNanning: { username: 'office.nanning', role: 'office' },
  deskLiuzhou: { username: 'desk.liuzhou', role: 'desk' },
  unitLiuzhou: { username: 'unit.liuzhou.amr', role: 'unit' },
  officeLiuzhou: { username: 'office.liuzhou', role: 'office' },
  admin: { username: 'admin', role: 'admin' },
} as const satisfies Record<string, { username: string; role: StaffRole }>

export type StaffParty = keyof typeof STAFF_PARTIES
export type OwnerParty = 'owner' | 'otherOwner'
export type Party = 'anonymous' | OwnerParty | StaffParty

export const PARTIES: readonly Party[] = [
  'anonymous',
  'owner',
  'otherOwner',
  ...(Object.keys(STAFF_PARTIES) as StaffParty[]),
]

export const isStaffParty = (party: Party): party is StaffParty => party in STAFF_PARTIES

export type TicketRef = { id: string; number: string; code: string }
export type TicketKind =
  'open' | 'submitted' | 'overdue' | 'replied' | 'toSign' | 'handling' | 'foreign'

export type World = OwnerTestApp & {
  store: TestStore
  owners: Record<OwnerParty, Device>
  cookies: Record<StaffParty, Record<string, string>>
  tickets: Record<TicketKind, TicketRef>
  attachments: { open: string; foreign: string }
  servicePoints: { nanning: string; liuzhou: string; retirable: string }
  /** A staff account's id, for the admin's account routes. */
  accountId: string
  codeToken: string
  /** The Nanning point's short code (`/w/<code>`, `/api/short-codes/<code>`). */
  shortCode: string
  jpeg: Buffer
  /** Entity codes issued by the admin: one to read, one to retire. */
  entityCodes: { live: { id: string; token: string }; retirable: string }
}

const DISPATCH = [
  [{ type: 'accept' }, 'desk.nanning'],
  [{ type: 'dispatch', leadUnitId: 'nanning-amr' }, 'desk.nanning'],
] as const
const REPLY = [
  ...DISPATCH,
  [{ type: 'sign' }, 'unit.nanning.amr'],
  [{ type: 'contact', channel: 'phone', summary: '已电话联系。' }, 'unit.nanning.amr'],
  [{ type: 'reply', reply: '已为您办理完毕。' }, 'unit.nanning.amr'],
  [{ type: 'approve_reply' }, 'desk.nanning'],
] as const

async function photo(t: OwnerTestApp, device: Device, ticketId: string, jpeg: Buffer) {
  const res = await upload(t.app, device.headers, ticketId, { id: randomUUID(), file: jpeg })
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`)
  return res.json<{ id: string }>().id
}

async function signInAll(t: OwnerTestApp) {
  const cookies: Partial<Record<StaffParty, Record<string, string>>> = {}
  for (const [party, { username }] of Object.entries(STAFF_PARTIES)) {
    cookies[party as StaffParty] = await signIn(t.app, username)
  }
  return cookies as Record<StaffParty, Record<string, string>>
}

async function newServicePoint(t: OwnerTestApp, admin: Record<string, string>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/service-points',
    cookies: admin,
    payload: { hall: '青秀区政务服务中心', window: '8号窗口', divisionCode: '450103' },
  })
  if (res.statusCode !== 201) throw new Error(`service point: ${res.statusCode} ${res.body}`)
  return res.json<{ id: string }>().id
}

/** Seeds staff (~1.5 s of hashing), then makes everything through the routes and the workflow. */
export async function buildWorld(store: TestStore, env: Env = {}): Promise<World> {
  await seedStaff(store)
  const t = await buildOwnerApp(store, { CODE_SECRET, ...env })
  const owners = { owner: await newDevice(t.app), otherOwner: await newDevice(t.app) }
  t.clock.set(new Date('2026-01-05T02:00:00.000Z'))
  const overdue = await reportTicket(t.app, owners.owner, { title: '一个多月没人受理' })
  t.clock.set(FIXED_NOW)
  const tickets: Record<TicketKind, TicketRef> = {
    open: await reportTicket(t.app, owners.owner),
    submitted: await reportTicket(t.app, owners.owner),
    overdue,
    replied: await reportTicket(t.app, owners.owner),
    toSign: await reportTicket(t.app, owners.owner),
    handling: await reportTicket(t.app, owners.owner),
    foreign: await reportTicket(t.app, owners.otherOwner),
  }
  for (const kind of ['open', 'toSign', 'foreign'] as const) {
    await advance(store.db, tickets[kind].id, DISPATCH)
  }
  await advance(store.db, tickets.replied.id, REPLY)
  await advance(store.db, tickets.handling.id, [
    ...DISPATCH,
    [{ type: 'sign' }, 'unit.nanning.amr'],
  ])
  const jpeg = await plainJpeg()
  const attachments = {
    open: await photo(t, owners.owner, tickets.open.id, jpeg),
    foreign: await photo(t, owners.otherOwner, tickets.foreign.id, jpeg),
  }
  const cookies = await signInAll(t)
  const servicePoints = {
    nanning: 'sp-nanning-center-3',
    liuzhou: 'sp-liuzhou-center-5',
    retirable: await newServicePoint(t, cookies.admin),
  }
  const codeToken = signServicePointToken(CODE_SECRET, { id: servicePoints.nanning, version: 1 })
  const { short_code: shortCode } = await store.db
    .selectFrom('service_points')
    .select('short_code')
    .where('id', '=', servicePoints.nanning)
    .executeTakeFirstOrThrow()
  const { id: accountId } = await store.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', STAFF_PARTIES.officeLiuzhou.username)
    .executeTakeFirstOrThrow()
  return {
    ...t,
    store,
    owners,
    cookies,
    tickets,
    attachments,
    servicePoints,
    accountId,
    codeToken,
    shortCode,
    jpeg,
    entityCodes: {
      live: await newEntityCode(t, cookies.admin),
      retirable: (await newEntityCode(t, cookies.admin)).id,
    },
  }
}

async function newEntityCode(t: OwnerTestApp, admin: Record<string, string>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/entity-codes',
    cookies: admin,
    payload: { creditCode: '91450100MA5K00001E', name: '南宁某科技有限公司', kind: 'enterprise' },
  })
  if (res.statusCode !== 201) throw new Error(`entity code: ${res.statusCode} ${res.body}`)
  return res.json<{ id: string; token: string }>()
}
