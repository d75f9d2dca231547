// POST requests.json (a report through Open311), GET requests.json (the key's own requests) and
// GET requests/{id}.json (one of them). HTTP only: the translation and the rules live in
// workflow/open311/.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../deps/app-deps.js'
import { CATEGORIES } from '../../contract.js'
import type { Category } from '../../contract.js'
import {
  createOpen311Request,
  findOpen311Request,
  searchOpen311Requests,
} from '../../workflow/open311/requests.js'
import type { Open311Created } from '../../contract/open311.js'
import type { Open311Receipt, RequestSearch } from '../../workflow/open311/requests.js'
import { workflowContext } from '../owner-context.js'
import { countHit } from '../owner-limits.js'
import { ownerOfApiKey } from './api-key.js'
import { checkJurisdiction } from './endpoint.js'
import { open311NotFound, open311Refusal } from './open311-errors.js'

export const IDEMPOTENCY_HEADER = 'x-idempotency-key'

const list = (max: number) => z.string().max(max).optional()
const instant = z.iso.datetime({ offset: true }).optional()

export const requestsQuerySchema = z.object({
  api_key: z.string().max(100).optional(),
  jurisdiction_id: z.string().max(40).optional(),
  service_request_id: list(2000),
  service_code: list(200),
  start_date: instant,
  end_date: instant,
  status: list(20),
})
export const requestParamsSchema = z.object({ id: z.string().max(200) })
const idempotencyKeySchema = z.uuid().optional()

const items = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')

function oneOf<T extends string>(
  values: string[] | undefined,
  allowed: readonly T[],
  field: string,
): T[] | undefined {
  if (values === undefined) return undefined
  const unknown = values.find((value) => !(allowed as readonly string[]).includes(value))
  if (unknown !== undefined) throw open311Refusal([{ field, code: 'unknown' }])
  return values as T[]
}

function searchOf(request: FastifyRequest): RequestSearch {
  const query = requestsQuerySchema.parse(request.query)
  checkJurisdiction(query.jurisdiction_id)
  const numbers = items(query.service_request_id)
  if (numbers && numbers.length > 100) {
    throw open311Refusal([{ field: 'service_request_id', code: 'too_many' }])
  }
  const serviceCodes = oneOf<Category>(items(query.service_code), CATEGORIES, 'service_code')
  const statuses = oneOf(items(query.status), ['open', 'closed'] as const, 'status')
  return {
    ...(numbers ? { numbers } : {}),
    ...(serviceCodes ? { serviceCodes } : {}),
    ...(statuses ? { statuses } : {}),
    ...(query.start_date ? { start: new Date(query.start_date) } : {}),
    ...(query.end_date ? { end: new Date(query.end_date) } : {}),
  }
}

function idempotencyKeyOf(request: FastifyRequest): string | null {
  const parsed = idempotencyKeySchema.safeParse(request.headers[IDEMPOTENCY_HEADER])
  if (!parsed.success) throw open311Refusal([{ field: 'id', code: 'invalid_uuid' }])
  return parsed.data ?? null
}

/**
 * The notice a new (or replayed) request answers with, in Chinese and English: its receipt and,
 * while it applies, the day the desk is to accept it by.
 */
function receivedNotice({ number, code, acceptBy }: Open311Receipt): string {
  return (
    `已收到。回执编号 ${number}，验证码 ${code}` +
    (acceptBy ? `，将于 ${acceptBy} 24:00 前受理。` : '。') +
    ` Received: receipt ${number}, code ${code}` +
    (acceptBy ? `; to be accepted by ${acceptBy} 24:00 China time.` : '.')
  )
}

export function registerOpen311Requests(app: FastifyInstance, deps: AppDeps): void {
  app.post('/requests.json', async (request, reply) => {
    const owner = await ownerOfApiKey(deps, request)
    await countHit(deps, reply, 'report', owner.deviceId)
    const form = (request.body ?? {}) as Record<string, string>
    checkJurisdiction(form.jurisdiction_id)
    const key = idempotencyKeyOf(request)
    const context = await workflowContext(deps)
    const { read: db, write } = deps.db
    const created = await createOpen311Request(
      { db, write, codeSecret: deps.secrets.codeSecret, context },
      owner,
      form,
      key,
    )
    const body: Open311Created = [
      {
        service_request_id: created.receipt.number,
        service_notice: receivedNotice(created.receipt),
      },
    ]
    return reply.code(created.isNew ? 201 : 200).send(body)
  })

  app.get('/requests.json', async (request) => {
    const owner = await ownerOfApiKey(deps, request)
    const search = searchOf(request)
    return searchOpen311Requests(deps.db.read, owner.ownerId, search, deps.clock.now())
  })

  app.get('/requests/:id.json', async (request) => {
    const owner = await ownerOfApiKey(deps, request)
    checkJurisdiction(requestsQuerySchema.parse(request.query).jurisdiction_id)
    const { id } = requestParamsSchema.parse(request.params)
    const found = await findOpen311Request(deps.db.read, owner.ownerId, id)
    if (!found) throw open311NotFound()
    return [found]
  })
}
