/**
 * Assisted intake (issue 16): `POST /api/staff/intake` registers a report taken by phone, at a
 * window or handed down; `GET /api/staff/businesses/:creditCode` shows the business's earlier
 * tickets beside the form. Desks, window clerks and county workstations only.
 */
import type { FastifyPluginCallback } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import {
  businessHistorySchema,
  creditCodeSchema,
  intakeInputSchema,
  intakeTicketSchema,
  problemSchema,
} from '../contract.js'
import { problemFor } from '../plugins/problems.js'
import { requireStaff, staffOf } from '../plugins/staff-auth.js'
import { readBusinessHistory } from '../workflow/business-history.js'
import { claimPathOf, registerIntake } from '../workflow/intake.js'
import { loadStaffTicket } from '../workflow/staff-views.js'
import { workflowContext } from './owner-context.js'
import type { RouteDoc } from './route-doc.js'
import { publicOriginOf } from './service-point-json.js'

export const INTAKE_ROLES = ['desk', 'window', 'workstation'] as const
// Any text: what is not a credit code names no business (404), like a missing id elsewhere.
const businessParams = z.object({ creditCode: z.string().max(40) })

/** The link in the SMS and the receipt's QR: it opens the app's claim screen, filled in. */
export const claimLinkOf = (origin: string, number: string, code: string): string =>
  `${origin}${claimPathOf(number, code)}`

export const staffIntakeRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  const guard = { preHandler: requireStaff(deps, INTAKE_ROLES) }

  app.post('/staff/intake', guard, async (request, reply) => {
    const staff = staffOf(request)
    const input = intakeInputSchema.parse(request.body)
    const context = await workflowContext(deps)
    const { read: db, write } = deps.db
    const intake = await registerIntake(
      { db, write, codeSecret: deps.secrets.codeSecret, context },
      staff,
      input,
    )
    const ticket = await loadStaffTicket(deps.db.db, staff, intake.ticket, context)
    const { number, verification_code: code } = intake.ticket
    const origin = publicOriginOf(request, deps.config.publicUrl)
    return reply
      .code(intake.isNew ? 201 : 200)
      .send({ ...ticket, code, claimLink: claimLinkOf(origin, number, code) })
  })

  app.get('/staff/businesses/:creditCode', guard, async (request) => {
    const parsed = creditCodeSchema.safeParse(businessParams.parse(request.params).creditCode)
    if (!parsed.success) throw problemFor(404)
    return readBusinessHistory(deps.db.db, staffOf(request), parsed.data, deps.clock.now())
  })
  done()
}

const problem = (description: string) => ({ description, schema: problemSchema })
const STAFF = { kind: 'staff', roles: INTAKE_ROLES } as const

export const staffIntakeDocs: RouteDoc[] = [
  {
    method: 'POST',
    path: '/api/staff/intake',
    summary: 'Register a report taken by phone (12345), at a window or handed down',
    tags: ['staff'],
    auth: STAFF,
    body: intakeInputSchema,
    responses: {
      201: {
        description: 'The new ticket with its receipt (number, code) and the claim link',
        schema: intakeTicketSchema,
      },
      200: {
        description: 'The same id and body again: the same ticket',
        schema: intakeTicketSchema,
      },
      401: problem('Not signed in'),
      403: problem(
        'Not a desk, window clerk or workstation; `outside_division`: a workstation registering ' +
          'for another county; `service_point_retired`: the clerk’s window is retired',
      ),
      409: problem('`report_conflict`: this id was used with another body or by another registrar'),
      422: problem(
        'A field at fault: `channel_not_allowed` (a desk: phone or handed down; a window: window; ' +
          'a workstation: phone or window), `credit_code_checksum`, `unknown_entity_code`, ' +
          '`retired_entity_code`, `handedDown` required for a matter handed down',
      ),
    },
  },
  {
    method: 'GET',
    path: '/api/staff/businesses/{creditCode}',
    summary: 'A business’s earlier tickets (headings only, never confidential ones); audited',
    tags: ['staff'],
    auth: STAFF,
    params: businessParams,
    responses: {
      200: {
        description: 'The business and up to 20 earlier tickets',
        schema: businessHistorySchema,
      },
      401: problem('Not signed in'),
      403: problem('Not a desk, window clerk or workstation'),
      404: problem('Not a credit code'),
    },
  },
]
