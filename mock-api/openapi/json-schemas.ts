/**
 * Zod schemas → JSON Schema 2020-12 (OpenAPI 3.1's dialect). Every `…Schema` export of contract.ts
 * is a named component (`ticketSchema` → `Ticket`); wherever one appears inside a route's schema it
 * becomes a `$ref` to `#/components/schemas/<Name>`. Request bodies and parameters are converted
 * as input (defaults optional), responses as output; when the two differ for one component, the
 * input version is named `<Name>Input`.
 */
import { z } from 'zod'
import type { ZodType } from 'zod'
import * as contract from '../contract.js'

export type JsonSchema = { [key: string]: unknown }
export type Direction = 'input' | 'output'

const COMPONENT_PREFIX = '#/components/schemas/'

const pascalCase = (name: string) => name.charAt(0).toUpperCase() + name.slice(1)

/** Named schemas carry their id; everything else falls back to zod's global metadata. */
class NamedSchemas extends z.core.$ZodRegistry<z.core.GlobalMeta> {
  override get<S extends z.core.$ZodType>(schema: S) {
    return super.get(schema) ?? z.globalRegistry.get(schema)
  }
}

function contractSchemas(): NamedSchemas {
  const registry = new NamedSchemas()
  for (const [name, value] of Object.entries(contract)) {
    if (!name.endsWith('Schema') || !(value instanceof z.ZodType)) continue
    const meta = z.globalRegistry.get(value)
    registry.add(value, { ...meta, id: pascalCase(name.slice(0, -'Schema'.length)) })
  }
  return registry
}

const NAMED = contractSchemas()
const UNNAMED = new NamedSchemas()

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function renameRefs(node: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(node)) return node.map((item) => renameRefs(item, names))
  if (!isObject(node)) return node
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
      const name = value.slice('#/$defs/'.length)
      out[key] = COMPONENT_PREFIX + (names.get(name) ?? name)
    } else {
      out[key] = renameRefs(value, names)
    }
  }
  return out
}

/** Collects the components that converted schemas refer to. */
export class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {}

  /** A schema for a body or response; named contract schemas become `$ref`s. */
  convert(schema: ZodType, io: Direction): JsonSchema {
    const raw = z.toJSONSchema(schema, { metadata: NAMED, io, unrepresentable: 'any' })
    const { $defs, ...root } = raw as JsonSchema & { $defs?: Record<string, JsonSchema> }
    const names = new Map<string, string>()
    for (const name of Object.keys($defs ?? {})) names.set(name, name)
    const defs = Object.entries($defs ?? {}).map(
      ([name, def]) => [name, renameRefs(def, names) as JsonSchema] as const,
    )
    for (const [name, def] of defs) {
      const existing = this.components[name]
      if (existing && JSON.stringify(existing) !== JSON.stringify(def)) {
        names.set(name, `${name}${pascalCase(io)}`)
      }
    }
    for (const [name, def] of Object.entries($defs ?? {})) {
      this.components[names.get(name) ?? name] = renameRefs(def, names) as JsonSchema
    }
    return renameRefs(root, names) as JsonSchema
  }

  /** A parameter object's properties, inline (no references), as input. */
  properties(schema: ZodType): { name: string; schema: JsonSchema; required: boolean }[] {
    const converted = z.toJSONSchema(schema, {
      metadata: UNNAMED,
      io: 'input',
      unrepresentable: 'any',
    })
    const json = renameRefs(converted, new Map()) as JsonSchema
    const properties = isObject(json.properties) ? json.properties : {}
    const required = Array.isArray(json.required) ? json.required : []
    return Object.entries(properties).map(([name, value]) => ({
      name,
      schema: isObject(value) ? value : {},
      required: required.includes(name),
    }))
  }
}
