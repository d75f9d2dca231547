/**
 * The OpenAPI 3.1 document of the API, generated from the routes' RouteDoc lists. Error responses
 * without their own schema are problem+json (RFC 9457) with the shared `Problem` component; who may
 * call a route is its `security` plus, for staff, the roles in `x-staff-roles` and the summary.
 */
import { problemSchema } from '../contract.js'
import { STAFF_COOKIE } from '../plugins/staff-auth.js'
import type { HttpMethod, ResponseDoc, RouteAuth, RouteDoc } from '../routes/route-doc.js'
import type { JsonSchema } from './json-schemas.js'
import { SchemaConverter } from './json-schemas.js'

export type OpenApiInfo = { title: string; version: string; description: string }

export type Operation = {
  operationId: string
  summary: string
  tags: string[]
  security: Record<string, string[]>[]
  parameters?: JsonSchema[]
  requestBody?: JsonSchema
  responses: Record<string, JsonSchema>
  'x-auth': RouteAuth['kind']
  'x-staff-roles'?: string[]
}

export type OpenApiDocument = {
  openapi: string
  info: OpenApiInfo
  tags: { name: string }[]
  paths: Record<string, Partial<Record<Lowercase<HttpMethod>, Operation>>>
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> }
}

const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  ownerBearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The device credential from `POST /api/devices`: `Authorization: Bearer <credential>`.',
  },
  streamToken: {
    type: 'apiKey',
    in: 'query',
    name: 'token',
    description: 'A short-lived token from `POST /api/events/token`, for EventSource (no headers).',
  },
  staffCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: STAFF_COOKIE,
    description: 'The httpOnly session cookie set by `POST /api/staff/session`.',
  },
  open311ApiKey: {
    type: 'apiKey',
    in: 'query',
    name: 'api_key',
    description:
      'Open311: the device credential from `POST /api/devices`, as `api_key` in the query or, ' +
      'for POST, in the form body.',
  },
}

function securityOf(auth: RouteAuth): Record<string, string[]>[] {
  switch (auth.kind) {
    case 'owner':
      return [{ ownerBearer: [] }]
    case 'owner-or-stream-token':
      return [{ ownerBearer: [] }, { streamToken: [] }]
    case 'owner-or-staff':
      return [{ ownerBearer: [] }, { staffCookie: [] }]
    case 'staff':
      return [{ staffCookie: [] }]
    case 'open311-key':
      return [{ open311ApiKey: [] }]
    case 'public':
    case 'test-clock':
      return []
  }
}

/** `GET /api/tickets/{id}/rating` → `getApiTicketsIdRating`. */
export function operationIdOf(method: HttpMethod, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((word) => word !== '')
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')
}

function responseOf(status: number, doc: ResponseDoc, converter: SchemaConverter): JsonSchema {
  if (doc.schema) {
    const type = doc.contentType ?? 'application/json'
    const alternatives = Object.entries(doc.alternatives ?? {}).map(([other, description]) => [
      other,
      { schema: { type: 'string', description } },
    ])
    return {
      description: doc.description,
      content: {
        [type]: { schema: converter.convert(doc.schema, 'output') },
        ...Object.fromEntries(alternatives),
      },
    }
  }
  if (doc.contentType) return { description: doc.description, content: { [doc.contentType]: {} } }
  if (status >= 400) {
    const problem = { $ref: '#/components/schemas/Problem' }
    return {
      description: doc.description,
      content: { 'application/problem+json': { schema: problem } },
    }
  }
  return { description: doc.description }
}

function parametersOf(doc: RouteDoc, converter: SchemaConverter): JsonSchema[] {
  const from = (place: 'path' | 'query', schema: RouteDoc['params']) =>
    schema
      ? converter.properties(schema).map((p) => ({
          name: p.name,
          in: place,
          required: place === 'path' || p.required,
          schema: p.schema,
        }))
      : []
  const headers = Object.entries(doc.headers ?? {}).map(([name, description]) => ({
    name,
    in: 'header',
    required: false,
    description,
    schema: { type: 'string' },
  }))
  return [...from('path', doc.params), ...from('query', doc.query), ...headers]
}

function requestBodyOf(doc: RouteDoc, converter: SchemaConverter): JsonSchema | undefined {
  const body = doc.body
  if (!body) return undefined
  if ('form' in body) {
    return {
      required: true,
      content: {
        'application/x-www-form-urlencoded': { schema: converter.convert(body.form, 'input') },
      },
    }
  }
  if ('multipart' in body) {
    const properties = Object.fromEntries(
      Object.entries(body.multipart).map(([name, description]) => [name, { description }]),
    )
    return {
      required: true,
      content: { 'multipart/form-data': { schema: { type: 'object', properties } } },
    }
  }
  return {
    required: true,
    content: { 'application/json': { schema: converter.convert(body, 'input') } },
  }
}

function operationOf(doc: RouteDoc, converter: SchemaConverter): Operation {
  const parameters = parametersOf(doc, converter)
  const requestBody = requestBodyOf(doc, converter)
  const roles = doc.auth.kind === 'staff' ? doc.auth.roles : undefined
  return {
    operationId: operationIdOf(doc.method, doc.path),
    summary: doc.summary,
    tags: [...doc.tags],
    security: securityOf(doc.auth),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: Object.fromEntries(
      Object.entries(doc.responses).map(([status, response]) => [
        status,
        responseOf(Number(status), response, converter),
      ]),
    ),
    'x-auth': doc.auth.kind,
    ...(roles ? { 'x-staff-roles': [...roles] } : {}),
  }
}

export function buildOpenApiDocument(
  docs: readonly RouteDoc[],
  info: OpenApiInfo,
): OpenApiDocument {
  const converter = new SchemaConverter()
  converter.convert(problemSchema, 'output')
  const paths: OpenApiDocument['paths'] = {}
  for (const doc of docs) {
    const method = doc.method.toLowerCase() as Lowercase<HttpMethod>
    const item = (paths[doc.path] ??= {})
    if (item[method]) throw new Error(`two RouteDocs for ${doc.method} ${doc.path}`)
    item[method] = operationOf(doc, converter)
  }
  const tags = [...new Set(docs.flatMap((doc) => doc.tags))].map((name) => ({ name }))
  return {
    openapi: '3.1.0',
    info,
    tags,
    paths,
    components: { schemas: converter.components, securitySchemes: SECURITY_SCHEMES },
  }
}
