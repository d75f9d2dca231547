// Admin account route tests: the account requests, a desk account's body, and what the store
// holds afterwards (sessions, audit entries).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import type { Problem, StaffAccount } from '../contract.js'
import { problemSchema, staffAccountSchema } from '../contract.js'
import type { Database } from '../storage/database.js'

export type Cookies = Record<string, string>

export const NEW_PASSWORD = 'a-fresh-initial-password'
const ACCOUNTS = '/api/staff/admin/accounts'

export const accountRequests = (app: FastifyInstance) => ({
  list: (cookies: Cookies) => app.inject({ method: 'GET', url: ACCOUNTS, cookies }),
  create: (cookies: Cookies, payload: object) =>
    app.inject({ method: 'POST', url: ACCOUNTS, cookies, payload }),
  change: (cookies: Cookies, id: string, payload: object) =>
    app.inject({ method: 'PATCH', url: `${ACCOUNTS}/${id}`, cookies, payload }),
  me: (cookies: Cookies) => app.inject({ method: 'GET', url: '/api/staff/me', cookies }),
})

/** A Liuzhou desk account's body; `changes` replace or add fields. */
export const deskInput = (username: string, changes: object = {}) => ({
  username,
  displayName: '柳州市专席（二）',
  role: 'desk',
  divisionCode: '450200',
  password: NEW_PASSWORD,
  ...changes,
})

export function expectProblem(res: LightMyRequestResponse, status: number): Problem {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  return problemSchema.parse(res.json())
}

export function expectAccount(res: LightMyRequestResponse, status = 200): StaffAccount {
  expect(res.statusCode, res.body).toBe(status)
  return staffAccountSchema.parse(res.json())
}

export async function sessionCount(db: Kysely<Database>, staffId: string): Promise<number> {
  const row = await db
    .selectFrom('staff_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('staff_id', '=', staffId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The account audit entries about `accountId`, with their detail parsed. */
export async function accountAudit(db: Kysely<Database>, accountId: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['staff_id', 'action', 'detail'])
    .where('action', 'in', ['staff_account_created', 'staff_account_changed'])
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows
    .map((row) => ({ ...row, detail: JSON.parse(row.detail ?? '{}') as Record<string, unknown> }))
    .filter((row) => row.detail.accountId === accountId)
}
