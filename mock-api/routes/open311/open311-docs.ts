// The Open311 routes in the OpenAPI document. Their errors are Open311's array of {code,
// description}, not problem+json, so every error response names that schema.
import { z } from 'zod'
import {
  open311CreatedSchema,
  open311DiscoverySchema,
  open311ErrorsSchema,
  open311RequestListSchema,
  open311ServiceDefinitionSchema,
  open311ServiceSchema,
} from '../../contract/open311.js'
import type { ResponseDoc, RouteDoc } from '../route-doc.js'
import { OPEN311_PREFIX } from './endpoint.js'
import { IDEMPOTENCY_HEADER, requestParamsSchema, requestsQuerySchema } from './requests.js'
import { jurisdictionQuerySchema, serviceParamsSchema } from './services.js'

const errors = (description: string): ResponseDoc => ({ description, schema: open311ErrorsSchema })

const TAGS = ['open311'] as const
const BAD_KEY = errors('No api_key, or not a live device credential')
const attribute = (text: string) => z.string().optional().describe(text)

/** The POST form, as the specification names its fields; `attribute[code]` per the definition. */
export const open311RequestFormSchema = z.object({
  api_key: z.string().describe('The device credential from POST /api/devices'),
  jurisdiction_id: z.string().optional().describe('450000, or left out'),
  service_code: z.string().describe('consultation, help, suggestion, complaint or report'),
  description: z.string().describe('The report; its first line (≤ 60 characters) is the title'),
  first_name: z.string().optional().describe('The contact’s given name'),
  last_name: z.string().optional().describe('The contact’s family name (first when in Chinese)'),
  phone: z.string().describe('The contact’s phone: a mobile or a landline with area code'),
  'attribute[business_name]': attribute('Required: the business’s name'),
  'attribute[credit_code]': attribute('Required: the 18-character unified social credit code'),
  'attribute[business_kind]': attribute('Required: enterprise, individual or cooperative'),
  'attribute[division_code]': attribute('Required (or address_id): city or county code'),
  'attribute[confidential]': attribute('true: handling units do not see who reported'),
  'attribute[credit_code_confirmed]': attribute('true: keep a code whose check character fails'),
  address_id: attribute('The division code, when attribute[division_code] is absent'),
  lat: attribute('Accepted, not kept'),
  long: attribute('Accepted, not kept'),
  address_string: attribute('Accepted, not kept'),
  email: attribute('Accepted, not kept'),
  device_id: attribute('Accepted, not kept (the api_key names the device)'),
  account_id: attribute('Accepted, not kept'),
  media_url: attribute('Accepted, never fetched nor kept: send photos through the app'),
})

export const open311Docs: RouteDoc[] = [
  {
    method: 'GET',
    path: `${OPEN311_PREFIX}/discovery.json`,
    summary: 'Open311 GeoReport v2 service discovery: where this endpoint is and what it speaks',
    tags: TAGS,
    auth: { kind: 'public' },
    responses: { 200: { description: 'The discovery document', schema: open311DiscoverySchema } },
  },
  {
    method: 'GET',
    path: `${OPEN311_PREFIX}/services.json`,
    summary: 'Open311 services: our five categories (Chinese name, English in description)',
    tags: TAGS,
    auth: { kind: 'public' },
    query: jurisdictionQuerySchema,
    responses: {
      200: { description: 'The services', schema: z.array(open311ServiceSchema) },
      404: errors('An unknown jurisdiction_id'),
    },
  },
  {
    method: 'GET',
    path: `${OPEN311_PREFIX}/services/{code}.json`,
    summary: 'An Open311 service definition: the attributes a report needs',
    tags: TAGS,
    auth: { kind: 'public' },
    params: serviceParamsSchema,
    query: jurisdictionQuerySchema,
    responses: {
      200: { description: 'The definition', schema: open311ServiceDefinitionSchema },
      404: errors('An unknown service code or jurisdiction_id'),
    },
  },
  {
    method: 'POST',
    path: `${OPEN311_PREFIX}/requests.json`,
    summary:
      'Open311: send a report (form-encoded); it becomes a ticket exactly as POST /api/reports',
    tags: TAGS,
    auth: { kind: 'open311-key' },
    body: { form: open311RequestFormSchema },
    headers: {
      [IDEMPOTENCY_HEADER]:
        'A UUID: the ticket’s id, so a retry with the same key and form is the same ticket. ' +
        'Without it every POST is a new ticket (a retry after a lost answer makes a second one).',
    },
    responses: {
      201: { description: 'The new ticket’s number and receipt', schema: open311CreatedSchema },
      200: {
        description: 'The same key and form again: the same ticket',
        schema: open311CreatedSchema,
      },
      400: errors('Fields at fault, one entry each (an invalid X-Idempotency-Key too)'),
      403: BAD_KEY,
      404: errors('An unknown jurisdiction_id'),
      409: errors('This X-Idempotency-Key was used with another form, or by another owner'),
      413: errors('The body is over the API’s limit'),
      415: errors('Not application/x-www-form-urlencoded'),
      429: errors('Too many reports from this device (shared with POST /api/reports)'),
    },
  },
  {
    method: 'GET',
    path: `${OPEN311_PREFIX}/requests.json`,
    summary:
      'Open311: the key’s own requests, by service_request_id (comma list) or a window of ' +
      'at most 90 days (default the last 90), service_code and status (open, closed)',
    tags: TAGS,
    auth: { kind: 'open311-key' },
    query: requestsQuerySchema,
    responses: {
      200: { description: 'Oldest first, at most 1000', schema: open311RequestListSchema },
      400: errors('A malformed date, status or service code, or a window over 90 days'),
      403: BAD_KEY,
      404: errors('An unknown jurisdiction_id'),
    },
  },
  {
    method: 'GET',
    path: `${OPEN311_PREFIX}/requests/{id}.json`,
    summary: 'Open311: one of the key’s requests by its number (an array of one)',
    tags: TAGS,
    auth: { kind: 'open311-key' },
    params: requestParamsSchema,
    query: requestsQuerySchema.pick({ api_key: true, jurisdiction_id: true }),
    responses: {
      200: { description: 'The request', schema: open311RequestListSchema },
      403: BAD_KEY,
      404: errors('No such request, or another owner’s (the same answer)'),
    },
  },
]
