/**
 * Open311 test fixtures: the community's JSON schemas (../shared/open311-schemas beside the repo,
 * from open311/schema-validation) loaded into Ajv, a valid report form, and posting it. The
 * schemas declare no $schema and use draft-04/07 keywords only, so Ajv's default (draft-07) class
 * reads them. Two answers have no community schema: the error array and discovery; they are
 * written below from the GeoReport v2 specification's text. The swagger file's RequestResponse
 * uses the made-up format "uid" (a known quirk, see the folder's README): accepted as any string.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join, resolve } from 'node:path'
import { Ajv } from 'ajv'
import type { ErrorObject } from 'ajv'
import formats from 'ajv-formats'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { CREDIT_CODE, PHONE } from './owner-fixtures.js'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const OPEN311_SCHEMAS_DIR = resolve(REPO_ROOT, '../shared/open311-schemas')

type Json = Record<string, unknown>
function readJson(name: string): Json {
  const path = join(OPEN311_SCHEMAS_DIR, name)
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: the Open311 schemas sit in shared/ beside the repository`)
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Json
}

/** GeoReport v2, "Errors": an array of {code, description}. Not in the community set. */
const ERRORS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } },
  },
}

/** GeoReport v2, "Service Discovery". Not in the community set. */
const DISCOVERY_SCHEMA = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: { type: 'string' },
    contact: { type: 'string' },
    key_service: { type: 'string' },
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: { type: 'string', format: 'uri' },
          url: { type: 'string', format: 'uri' },
          changeset: { type: 'string' },
          type: { enum: ['production', 'test'] },
          formats: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
}

export type Open311SchemaName =
  | 'service.json'
  | 'services.json'
  | 'service-definition.json'
  | 'request.json'
  | 'requests.json'
  | 'request-created'
  | 'errors'
  | 'discovery'

// ajv-formats is CommonJS whose types declare an ES default export: under NodeNext the default
// import is the module object, whose `default` is the plugin.
const addFormats = formats.default

function createValidator(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  ajv.addFormat('uid', true)
  for (const name of [
    'service.json',
    'services.json',
    'service-definition.json',
    'request.json',
    'requests.json',
  ]) {
    ajv.addSchema(readJson(name), name)
  }
  const swagger = readJson('swagger.json') as { definitions: Record<string, Json> }
  ajv.addSchema({ type: 'array', items: swagger.definitions.RequestResponse }, 'request-created')
  ajv.addSchema(ERRORS_SCHEMA, 'errors')
  ajv.addSchema(DISCOVERY_SCHEMA, 'discovery')
  return ajv
}

const validator = createValidator()

/** The schema's errors for `value` (empty when valid), as readable lines. */
export function open311SchemaErrors(name: Open311SchemaName, value: unknown): string[] {
  const validate = validator.getSchema(name)
  if (!validate) throw new Error(`no schema ${name}`)
  if (validate(value)) return []
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`)
}

/** The response is JSON that the named Open311 schema accepts; returns the body. */
export function expectOpen311<T = unknown>(
  res: LightMyRequestResponse,
  status: number,
  name: Open311SchemaName,
): T {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/json/)
  const body = res.json<T>()
  expect(open311SchemaErrors(name, body), JSON.stringify(body)).toEqual([])
  return body
}

/** An Open311 error answer: valid against the error schema, every entry carrying `status`. */
export function expectOpen311Error(
  res: LightMyRequestResponse,
  status: number,
): { code: number; description: string }[] {
  const errors = expectOpen311<{ code: number; description: string }[]>(res, status, 'errors')
  for (const error of errors) expect(error.code).toBe(status)
  return errors
}

export const open311Form = (apiKey: string, overrides: Record<string, string> = {}) => ({
  api_key: apiKey,
  service_code: 'complaint',
  description: '办理营业执照变更太慢\n提交材料一个月了还没有结果。',
  first_name: '小明',
  last_name: '张',
  phone: PHONE,
  'attribute[business_name]': '青秀区小明便利店',
  'attribute[credit_code]': CREDIT_CODE,
  'attribute[business_kind]': 'individual',
  'attribute[division_code]': '450103',
  ...overrides,
})

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' }

export const postOpen311 = (
  app: FastifyInstance,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> =>
  app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { ...FORM_HEADERS, ...headers },
    payload: new URLSearchParams(form).toString(),
  })

export const getOpen311 = (
  app: FastifyInstance,
  path: string,
  query: Record<string, string> = {},
): Promise<LightMyRequestResponse> => {
  const search = new URLSearchParams(query).toString()
  return app.inject({ url: `/open311/v2/${path}${search ? `?${search}` : ''}` })
}
