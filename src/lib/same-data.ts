/**
 * Whether two values read from storage hold the same data: primitives by value, arrays and plain
 * objects member by member; any other object (a Date, a Blob, a typed array) only if it is the
 * same one. For acyclic data, as IndexedDB rows are here. A live query answers with a new object
 * on every read, even when nothing in it changed; a screen that compares with this can keep the
 * object it has, and the memoized parts given it skip their render.
 */
export function isSameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    // An index loop, not `every`: a hole must differ from a value.
    for (let i = 0; i < a.length; i += 1) {
      if (i in a !== i in b || !isSameData(a[i], b[i])) return false
    }
    return true
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
