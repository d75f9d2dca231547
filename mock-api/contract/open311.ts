/**
 * What Open311 GeoReport v2 clients read and send, as zod schemas (the OpenAPI document is made
 * from them) and the types inferred from them. Field names are the specification's, snake_case;
 * nothing here names a person: the Open311 view of a ticket never carries the business's or the
 * contact's name, so a confidential report stays so on this door too. Not in contract.ts's index:
 * only the server's Open311 routes and workflow read these, so the app's contract chunk stays without
 * them.
 */
import { z } from 'zod'

const nullableText = z.string().nullable()

export const open311ServiceSchema = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string(),
    group: z.string(),
  })
  .meta({ id: 'Open311Service' })
export type Open311Service = z.infer<typeof open311ServiceSchema>

export const open311AttributeSchema = z
  .object({
    variable: z.boolean(),
    code: z.string(),
    datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    required: z.boolean(),
    datatype_description: nullableText,
    order: z.number().int(),
    description: z.string(),
    values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
  })
  .meta({ id: 'Open311Attribute' })
export type Open311Attribute = z.infer<typeof open311AttributeSchema>

export const open311ServiceDefinitionSchema = z
  .object({ service_code: z.string(), attributes: z.array(open311AttributeSchema) })
  .meta({ id: 'Open311ServiceDefinition' })
export type Open311ServiceDefinition = z.infer<typeof open311ServiceDefinitionSchema>

export const open311RequestSchema = z
  .object({
    /** The ticket's number (GX + yymmdd + sequence), as on the owner's receipt. */
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    /** The latest note of the ticket's history that the owner may read. */
    status_notes: nullableText,
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    /** The lead handling unit, once the ticket is dispatched. */
    agency_responsible: nullableText,
    /** The ticket's own status in Chinese and as its code, e.g. `办理中 (in_progress)`. */
    service_notice: z.string(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    /** When the current step is due (24:00 China time on its last working day), or null. */
    expected_datetime: nullableText,
    /** The division's name, region first: 广西壮族自治区南宁市青秀区. */
    address: z.string(),
    /** The division code (GB/T 2260). */
    address_id: z.string(),
  })
  .meta({ id: 'Open311Request' })
export type Open311Request = z.infer<typeof open311RequestSchema>

export const open311RequestListSchema = z.array(open311RequestSchema)

export const open311CreatedSchema = z
  .array(z.object({ service_request_id: z.string(), service_notice: z.string() }))
  .meta({ id: 'Open311Created' })
export type Open311Created = z.infer<typeof open311CreatedSchema>

/** GeoReport v2's error body: always an array, `code` the HTTP status. */
export const open311ErrorsSchema = z
  .array(z.object({ code: z.number().int(), description: z.string() }))
  .meta({ id: 'Open311Errors' })
export type Open311Errors = z.infer<typeof open311ErrorsSchema>

export const open311DiscoverySchema = z
  .object({
    changeset: z.string(),
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z.object({
        specification: z.string(),
        url: z.string(),
        changeset: z.string(),
        type: z.enum(['production', 'test']),
        formats: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Open311Discovery' })
export type Open311Discovery = z.infer<typeof open311DiscoverySchema>
