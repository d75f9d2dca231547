/**
 * The intake form's requests (issue 16): register a report, a business's earlier tickets, the
 * business an entity code names, and the entity codes an admin or window clerk issues.
 */
import type { z } from 'zod'
import {
  businessHistorySchema,
  entityCodeSchema,
  intakeTicketSchema,
  staffEntityCodeSchema,
  staffEntityCodesSchema,
  type EntityCodeInput,
  type IntakeInput,
} from '../../../../mock-api/contract'
import { request } from '@/lib/http'

async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  return schema.parse((await request({ path })).body)
}

async function send<T>(
  method: 'POST' | 'DELETE',
  path: string,
  schema: z.ZodType<T>,
  value?: unknown,
) {
  const { body } = await request({
    method,
    path,
    ...(value === undefined ? {} : { body: { kind: 'json', value } }),
  })
  return schema.parse(body)
}

export const registerIntake = (input: IntakeInput) =>
  send('POST', '/staff/intake', intakeTicketSchema, input)

export const fetchBusinessHistory = (creditCode: string) =>
  getJson(`/staff/businesses/${encodeURIComponent(creditCode)}`, businessHistorySchema)

/** A pasted entity code's link (`…/e/<token>`) or bare token, as its token. */
export const entityTokenOf = (text: string): string => {
  const trimmed = text.trim()
  const match = /\/e\/([A-Za-z0-9_-]+)/.exec(trimmed)
  return match?.[1] ?? trimmed
}

export const fetchEntity = (token: string) =>
  getJson(`/entity-codes/${encodeURIComponent(token)}`, entityCodeSchema)

export const fetchEntityCodes = () => getJson('/staff/entity-codes', staffEntityCodesSchema)
export const issueEntityCode = (input: EntityCodeInput) =>
  send('POST', '/staff/entity-codes', staffEntityCodeSchema, input)
export const retireEntityCode = (id: string) =>
  send('DELETE', `/staff/entity-codes/${encodeURIComponent(id)}`, staffEntityCodeSchema)
export const entityCodeImageUrl = (id: string) =>
  `/api/staff/entity-codes/${encodeURIComponent(id)}/code.svg`
