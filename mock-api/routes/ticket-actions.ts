// The owner's actions on a ticket: add material, urge, withdraw, rate. Each is idempotent by the
// client's `id` and answers with the updated ticket; refusals come from the ticket machine.
import type { FastifyInstance, FastifyPluginCallback, FastifyRequest } from 'fastify'
import type { ZodType } from 'zod'
import type { AppDeps } from '../deps/app-deps.js'
import type { MaterialInput, RatingInput, UrgeInput, WithdrawInput } from '../contract.js'
import {
  materialInputSchema,
  ratingInputSchema,
  ticketSchema,
  urgeInputSchema,
  withdrawInputSchema,
} from '../contract.js'
import { toChinaIso } from '../domain/china-time.js'
import { getOwner, requireOwner } from '../plugins/owner-auth.js'
import { withExtensions } from '../plugins/problems.js'
import { urgeAvailableAt } from '../workflow/machine-ticket.js'
import { findOwnTicket, runOwnerAction } from '../workflow/owner-actions.js'
import type {
  ApplyOptions,
  TicketEvent,
  TicketRow,
  WorkflowContext,
} from '../workflow/ticket-workflow.js'
import { workflowContext } from './owner-context.js'
import type { RouteDoc } from './route-doc.js'
import { ticketParamsSchema } from './tickets.js'
import { asProblemError } from '../plugins/refusal-table.js'

type ActionDoc = {
  path: 'materials' | 'urge' | 'withdraw' | 'rating'
  summary: string
  schema: ZodType
  refusals: string
}

type Action<T extends { id: string }> = ActionDoc & {
  schema: ZodType<T>
  toEvent: (input: T) => TicketEvent
  options?: (input: T) => ApplyOptions
}

const materials: Action<MaterialInput> = {
  path: 'materials',
  summary: 'Add material (text) while the ticket is open',
  schema: materialInputSchema,
  toEvent: (input) => ({ type: 'add_material', text: input.text }),
  refusals: '409 `terminal` once the ticket is finished',
}

const urge: Action<UrgeInput> = {
  path: 'urge',
  summary: 'Urge (催办) once the current step is overdue, at most once per working day',
  schema: urgeInputSchema,
  toEvent: (input) => ({ type: 'urge', ...(input.note ? { note: input.note } : {}) }),
  refusals:
    '409 `not_overdue` or `already_urged_today`, with `availableAt` (ISO 8601, +08:00) when known',
}

const withdraw: Action<WithdrawInput> = {
  path: 'withdraw',
  summary: 'Withdraw the report, only before a desk accepts it',
  schema: withdrawInputSchema,
  toEvent: (input) => ({ type: 'withdraw', ...(input.reason ? { reason: input.reason } : {}) }),
  refusals: '409 `wrong_state` once accepted',
}

const rating: Action<RatingInput> = {
  path: 'rating',
  summary: 'Rate the reply: solved? satisfied? (a reason is required when dissatisfied)',
  schema: ratingInputSchema,
  toEvent: ({ resolved, satisfaction, reason }) => ({
    type: 'rate',
    resolved,
    satisfaction,
    ...(reason ? { reason } : {}),
  }),
  options: (input) => ({ ratingId: input.id }),
  refusals: '409 `wrong_state` unless the ticket awaits a rating; 422 `reason_required`',
}

async function myTicket(deps: AppDeps, request: FastifyRequest): Promise<TicketRow> {
  const { id } = ticketParamsSchema.parse(request.params)
  return findOwnTicket(deps.db.db, getOwner(request).ownerId, id)
}

// An urge refused for timing says when it will be possible, so the app can show it.
function explainUrge(error: unknown, row: TicketRow, context: WorkflowContext): unknown {
  const problem = asProblemError(error)
  if (!problem) return error
  if (problem.code !== 'not_overdue' && problem.code !== 'already_urged_today') return problem
  const at = urgeAvailableAt(row, context.now, context.calendar)
  return withExtensions(problem, { availableAt: at && toChinaIso(at) })
}

function registerAction<T extends { id: string }>(
  app: FastifyInstance,
  deps: AppDeps,
  { path, schema, toEvent, options }: Action<T>,
): void {
  app.post(`/tickets/:id/${path}`, async (request, reply) => {
    const row = await myTicket(deps, request)
    const input = schema.parse(request.body)
    const context = await workflowContext(deps)
    const action = { name: path, input, event: toEvent(input), options: options?.(input) }
    try {
      const response = await runOwnerAction(deps.db.db, context, row, action)
      return await reply.code(response.status).send(response.body)
    } catch (error) {
      throw path === 'urge' ? explainUrge(error, row, context) : error
    }
  })
}

export const ticketActionRoutes: FastifyPluginCallback<AppDeps> = (app, deps, done) => {
  app.addHook('preHandler', requireOwner(deps))
  registerAction(app, deps, materials)
  registerAction(app, deps, urge)
  registerAction(app, deps, withdraw)
  registerAction(app, deps, rating)
  done()
}

export const ticketActionsDocs: RouteDoc[] = [materials, urge, withdraw, rating].map(
  (definition: ActionDoc) => ({
    method: 'POST',
    path: `/api/tickets/{id}/${definition.path}`,
    summary: definition.summary,
    tags: ['tickets'],
    auth: { kind: 'owner' },
    params: ticketParamsSchema,
    body: definition.schema,
    responses: {
      200: {
        description: 'The updated ticket; the same `id` and body again answers the same',
        schema: ticketSchema,
      },
      401: { description: 'No or unknown device credential' },
      404: { description: 'No such ticket, or not mine (the same answer)' },
      409: {
        description: `${definition.refusals}; \`idempotency_conflict\`: this id had another body`,
      },
      422: { description: 'A field at fault' },
    },
  }),
)
