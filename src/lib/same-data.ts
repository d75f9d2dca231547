/**
 * Whether two values read from storage hold the same data: primitives by value, arrays and plain
 * objects member by member. A live query answers with a new object on every read, even when
 * nothing in it changed; a screen that compares with this can keep the object it has, and the
 * memoized parts given it skip their render.
 */
export function isSameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, i) => isSameData(item, b[i]))
  }
  if (!isPlain(a) || !isPlain(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  const other = b as Record<string, unknown>
  return keys.every(
    (key) =>
      Object.hasOwn(other, key) && isSameData((a as Record<string, unknown>)[key], other[key]),
  )
}

/** A plain object: made by a literal or read from storage, in this window or another realm. */
const isPlain = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}
