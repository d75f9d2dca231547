/**
 * An Open311 POST (form fields, attribute[code] extensions) read as our report. Open311 has no
 * title, so the first line of the description is the title (cut to 60 characters); the contact's
 * name is first_name and last_name (family name first when written in Chinese); the division is
 * attribute[division_code], or address_id when that is absent. lat/long, address_string, email,
 * device_id, account_id and media_url are accepted and not kept: we never fetch a client's URL.
 * Refusals name the Open311 field at fault, so a client can point its user at it.
 */
import type { ReportInput } from '../../contract.js'
import { reportInputSchema } from '../../contract.js'
import { isServiceCode } from './service-catalogue.js'

export type Form = Readonly<Record<string, string>>
export type FieldRefusal = { field: string; code: string }
export type ReadForm = { ok: true; input: ReportInput } | { ok: false; refusals: FieldRefusal[] }

const TITLE_MAX = 60
const HAN = /\p{Script=Han}/u

const attribute = (form: Form, code: string): string | undefined => form[`attribute[${code}]`]

/** Our report's fields → the Open311 field a client sent them in. */
const OPEN311_FIELDS: Readonly<Record<string, string>> = {
  category: 'service_code',
  title: 'description',
  description: 'description',
  'business.name': 'attribute[business_name]',
  'business.creditCode': 'attribute[credit_code]',
  'business.kind': 'attribute[business_kind]',
  'business.creditCodeConfirmed': 'attribute[credit_code_confirmed]',
  'contact.name': 'first_name',
  'contact.phone': 'phone',
  divisionCode: 'attribute[division_code]',
  confidential: 'attribute[confidential]',
  id: 'X-Idempotency-Key',
}

export const open311FieldOf = (field: string): string => OPEN311_FIELDS[field] ?? field

/** The description's first line, cut to what a title holds (never inside a surrogate pair). */
export function titleOf(description: string): string {
  const firstLine = description.trim().split(/\r?\n/, 1)[0]?.trim() ?? ''
  if (firstLine.length <= TITLE_MAX) return firstLine
  let title = ''
  for (const character of firstLine) {
    if (title.length + character.length > TITLE_MAX - 1) break
    title += character
  }
  return `${title}…`
}

/** 王 + 小明 → 王小明; John + Smith → John Smith. */
export function contactNameOf(first: string | undefined, last: string | undefined): string {
  const given = first?.trim() ?? ''
  const family = last?.trim() ?? ''
  if (HAN.test(given) || HAN.test(family)) return `${family}${given}`
  return [given, family].filter((part) => part !== '').join(' ')
}

/** 'true' / 'false' as the singlevaluelist keys say; anything else is refused. */
function flagOf(form: Form, code: string, refusals: FieldRefusal[]): boolean | undefined {
  const value = attribute(form, code)?.trim()
  if (value === undefined || value === '') return undefined
  if (value === 'true' || value === 'false') return value === 'true'
  refusals.push({ field: `attribute[${code}]`, code: 'invalid_choice' })
  return undefined
}

/** The report `form` describes, with `id` as its id (the client's idempotency key or a new one). */
export function readReportForm(form: Form, id: string): ReadForm {
  const refusals: FieldRefusal[] = []
  const serviceCode = form.service_code?.trim() ?? ''
  if (!isServiceCode(serviceCode)) {
    refusals.push({ field: 'service_code', code: serviceCode === '' ? 'required' : 'unknown' })
  }
  const confidential = flagOf(form, 'confidential', refusals)
  const creditCodeConfirmed = flagOf(form, 'credit_code_confirmed', refusals)
  const description = form.description ?? ''
  const candidate = {
    id,
    category: serviceCode,
    title: titleOf(description),
    description,
    business: {
      name: attribute(form, 'business_name') ?? '',
      creditCode: attribute(form, 'credit_code') ?? '',
      kind: attribute(form, 'business_kind') ?? '',
      ...(creditCodeConfirmed === undefined ? {} : { creditCodeConfirmed }),
    },
    contact: { name: contactNameOf(form.first_name, form.last_name), phone: form.phone ?? '' },
    divisionCode: (attribute(form, 'division_code') ?? form.address_id ?? '').trim(),
    confidential: confidential ?? false,
  }
  const parsed = reportInputSchema.safeParse(candidate)
  if (parsed.success && refusals.length === 0) return { ok: true, input: parsed.data }
  const fieldErrors = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        field: open311FieldOf(issue.path.map(String).join('.')),
        code: /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code,
      }))
  // One refusal per field, ours first: an unknown service_code is not also an invalid category.
  return { ok: false, refusals: dedupe([...refusals, ...fieldErrors]) }
}

function dedupe(refusals: FieldRefusal[]): FieldRefusal[] {
  const seen = new Set<string>()
  return refusals.filter((refusal) => {
    if (seen.has(refusal.field)) return false
    seen.add(refusal.field)
    return true
  })
}
