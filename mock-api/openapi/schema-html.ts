// JSON Schema as readable HTML for the docs page: objects as property lists, enums as their
// values, references as links to the schema's section. Depth is bounded; the links go further.
import type { HtmlValue, SafeHtml } from '../routes/html.js'
import { html } from '../routes/html.js'
import type { JsonSchema } from './json-schemas.js'

const MAX_DEPTH = 3
const COMPONENT_PREFIX = '#/components/schemas/'

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const schemasIn = (value: unknown): JsonSchema[] =>
  Array.isArray(value) ? value.filter(isSchema) : []

export const schemaAnchor = (name: string): string => `schema-${name}`

const literal = (value: unknown) => JSON.stringify(value)

function constraints(schema: JsonSchema): string {
  const parts: string[] = []
  if (typeof schema.format === 'string') parts.push(schema.format)
  for (const [key, label] of [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', '≥'],
    ['maximum', '≤'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
  ] as const) {
    const value = schema[key]
    if (typeof value === 'number') parts.push(`${label} ${value}`)
  }
  if (typeof schema.pattern === 'string' && schema.format === undefined) {
    parts.push(`pattern ${schema.pattern}`)
  }
  if (schema.default !== undefined) parts.push(`default ${literal(schema.default)}`)
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`
}

function typeNameOf(type: unknown): string {
  if (typeof type === 'string') return type
  if (Array.isArray(type)) return type.filter((t) => typeof t === 'string').join(' | ')
  return 'any'
}

function alternatives(options: JsonSchema[], depth: number): HtmlValue {
  return options.map((option, i) => html`${i > 0 ? ' | ' : ''}${schemaHtml(option, depth)}`)
}

/** A one-line or nested rendering of `schema`. */
export function schemaHtml(schema: JsonSchema, depth = 0): SafeHtml {
  const ref = schema.$ref
  if (typeof ref === 'string' && ref.startsWith(COMPONENT_PREFIX)) {
    const name = ref.slice(COMPONENT_PREFIX.length)
    return html`<a href="#${schemaAnchor(name)}">${name}</a>`
  }
  if (Array.isArray(schema.enum)) {
    return html`<span class="enum">${schema.enum.map(literal).join(' | ')}</span>`
  }
  if (schema.const !== undefined) return html`<span class="enum">${literal(schema.const)}</span>`
  const union = [...schemasIn(schema.anyOf), ...schemasIn(schema.oneOf)]
  if (union.length > 0) return html`${alternatives(union, depth)}`
  if (schema.type === 'array') {
    const items = isSchema(schema.items) ? schemaHtml(schema.items, depth) : html`any`
    return html`array of ${items}${constraints(schema)}`
  }
  if (schema.type === 'object' || isSchema(schema.properties)) return objectHtml(schema, depth)
  const type = typeNameOf(schema.type)
  return html`<span class="type">${type}</span>${constraints(schema)}`
}

function objectHtml(schema: JsonSchema, depth: number): SafeHtml {
  const properties = isSchema(schema.properties) ? Object.entries(schema.properties) : []
  if (properties.length === 0) return html`<span class="type">object</span>`
  if (depth >= MAX_DEPTH) return html`<span class="type">object</span> {…}`
  const required = Array.isArray(schema.required) ? schema.required : []
  return html`<ul class="props">
    ${properties.map(
      ([name, value]) =>
        html`<li>
          <code>${name}</code>${required.includes(name) ? '' : '?'}:
          ${isSchema(value) ? schemaHtml(value, depth + 1) : 'any'}
        </li>`,
    )}
  </ul>`
}
