// Helpers for the reference-data route tests (units, responsibility list, calendar): requests as
// a signed-in staff member, problem checks, and what the audit log holds.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import type { Problem } from '../contract.js'
import { problemSchema } from '../contract.js'
import type { AuditAction } from '../storage/audit.js'
import type { Database } from '../storage/database.js'

export type Cookies = Record<string, string>
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** `call(cookies, 'PUT', url, body)`: one request as whoever holds the cookies. */
export const caller =
  (app: () => FastifyInstance) =>
  (cookies: Cookies, method: Method, url: string, payload?: object) =>
    app().inject({ method, url, cookies, ...(payload === undefined ? {} : { payload }) })

export function expectProblem(res: LightMyRequestResponse, status: number): Problem {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  return problemSchema.parse(res.json())
}

export async function auditOf(
  db: Kysely<Database>,
  action: AuditAction,
): Promise<{ staffId: string; detail: unknown }[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['staff_id', 'detail'])
    .where('action', '=', action)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    staffId: row.staff_id,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown),
  }))
}

export async function staffIdOf(db: Kysely<Database>, username: string): Promise<string> {
  const row = await db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
  return row.id
}
