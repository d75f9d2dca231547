import { useState } from 'react'
import { isSameData } from './same-data'

/**
 * `value`, or the value this returned before while the two hold the same data (isSameData): the
 * same object for as long as nothing in it changed. Not for a function: useState would call it.
 */
export function useSameWhileEqual<T extends object | null>(value: T): T {
  const [kept, setKept] = useState(value)
  if (kept === value || isSameData(kept, value)) return kept
  // React's pattern for state from earlier renders: the component runs again at once.
  setKept(value)
  return value
}
