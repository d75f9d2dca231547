// The admin's staff accounts: list, create, change (display name, role and scope, disabled,
// password). The rules and their effects (sessions ended, audit entries) are in
// workflow/staff-accounts.ts; this file parses and answers.
import type { FastifyPluginCallback, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import type { StaffAccount } from '../contract.js'
import { staffAccountChangeSchema, staffAccountInputSchema } from '../contract.js'
import { requireStaff, sessionTokenOf, staffOf } from '../plugins/staff-auth.js'
import type { AccountContext } from '../workflow/staff-account-checks.js'
import type { StaffAccountRow } from '../workflow/staff-accounts.js'
import { changeAccount, createAccount, listAccounts } from '../workflow/staff-accounts.js'

export const accountParamsSchema = z.object({ id: z.string().min(1).max(100) })

const toJson = (row: StaffAccountRow): StaffAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  divisionCode: row.divisionCode,
  unitId: row.unitId,
  unitName: row.unitName,
  disabled: row.isDisabled,
  servicePointId: row.servicePointId ?? null,
  servicePointName: row.servicePointName,
})

export const staffAccountRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const adminOnly = { preHandler: requireStaff(deps, ['admin']) }
  const contextOf = (request: FastifyRequest): AccountContext => ({
    db: deps.db.db,
    now: deps.clock.now(),
    admin: staffOf(request),
    sessionToken: sessionTokenOf(request),
    isProduction: deps.config.isProduction,
    demoPassword: deps.config.demoPassword,
  })

  app.get('/staff/admin/accounts', adminOnly, async () => ({
    accounts: (await listAccounts(deps.db.db)).map(toJson),
  }))

  app.post('/staff/admin/accounts', adminOnly, async (request, reply) => {
    const input = staffAccountInputSchema.parse(request.body)
    const account = await createAccount(contextOf(request), input)
    return reply.code(201).send(toJson(account))
  })

  app.patch('/staff/admin/accounts/:id', adminOnly, async (request) => {
    const { id } = accountParamsSchema.parse(request.params)
    const change = staffAccountChangeSchema.parse(request.body)
    return toJson(await changeAccount(contextOf(request), id, change))
  })
  done()
}
