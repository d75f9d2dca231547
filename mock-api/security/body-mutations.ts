// Bad bodies made from a valid one: every field in turn gets the wrong type, goes missing, takes a
// value no enum or format knows, or becomes a huge string. The route's own contract schema is the
// oracle: a mutation it still accepts (an optional field left out, free text) is dropped, so each
// one kept must be refused with the field named.
import type { ZodType } from 'zod'

export type Mutation = { label: string; field: string; body: unknown }

/** Below the 256 KiB body limit, so the field (not the size) is what the route refuses. */
export const HUGE_TEXT = 'x'.repeat(100_000)
const UNKNOWN_VALUE = 'no-such-value-☃'

type Path = readonly string[]

function leaves(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [path]
  return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]))
}

function withLeaf(value: unknown, path: Path, change: (leaf: unknown) => unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return change(value)
  const copy = { ...(value as Record<string, unknown>) }
  const next = withLeaf(copy[head], rest, change)
  if (next === undefined) delete copy[head]
  else copy[head] = next
  return copy
}

function wrongType(leaf: unknown): unknown {
  if (typeof leaf === 'string') return 12345
  if (typeof leaf === 'number') return 'twelve'
  if (typeof leaf === 'boolean') return 'yes'
  return 'text'
}

export function mutationsOf(valid: unknown, schema: ZodType): Mutation[] {
  return leaves(valid).flatMap((path) => {
    const field = path.join('.')
    const leaf = path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], valid)
    const changes: (readonly [string, (leaf: unknown) => unknown])[] = [
      ['wrong type', wrongType],
      ['missing', () => undefined],
      ...(typeof leaf === 'string'
        ? ([
            ['unknown value', () => UNKNOWN_VALUE],
            ['huge string', () => HUGE_TEXT],
          ] as const)
        : []),
    ]
    return changes
      .map(([label, change]) => ({ label, field, body: withLeaf(valid, path, change) }))
      .filter((mutation) => !schema.safeParse(mutation.body).success)
  })
}
