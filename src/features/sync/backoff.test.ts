import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BACKOFF_CAP_MS, RETRY_AFTER_CAP_MS, backoffDelay } from './backoff'

const justBelowOne = 1 - Number.EPSILON

describe('backoffDelay', () => {
  it('doubles its ceiling from 1 s with each failure', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => justBelowOne))).toEqual([
      999, 1999, 3999, 7999, 15999,
    ])
  })

  it('never exceeds five minutes however many failures', () => {
    expect(backoffDelay(9, () => justBelowOne)).toBe(255_999)
    expect(backoffDelay(10, () => justBelowOne)).toBe(BACKOFF_CAP_MS - 1)
    expect(backoffDelay(1_000, () => justBelowOne)).toBe(BACKOFF_CAP_MS - 1)
  })

  it('spreads the delay over the whole range (full jitter) from the injected random', () => {
    expect(backoffDelay(4, () => 0)).toBe(0)
    expect(backoffDelay(4, () => 0.5)).toBe(4_000)
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: justBelowOne, noNaN: true }),
        (attempts, r) => {
          const delay = backoffDelay(attempts, () => r)
          const ceiling = Math.min(BACKOFF_CAP_MS, 1_000 * 2 ** (attempts - 1))
          return Number.isInteger(delay) && delay >= 0 && delay < ceiling
        },
      ),
    )
  })

  it("waits at least the server's Retry-After, even when jitter draws less", () => {
    expect(backoffDelay(1, () => 0, 30_000)).toBe(30_000)
    expect(backoffDelay(12, () => justBelowOne, 1_000)).toBe(BACKOFF_CAP_MS - 1)
  })

  it('caps an absurd Retry-After at an hour', () => {
    expect(backoffDelay(1, () => 0, 7 * 24 * 3_600_000)).toBe(RETRY_AFTER_CAP_MS)
  })
})
