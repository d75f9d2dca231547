import { describe, expect, it } from 'vitest'
import { EventOrder } from './event-order.js'

const OPTIONS = { graceMs: 1_000, lateMs: 10_000, maxGaps: 100 }
const rows = (...ids: number[]) => ids.map((id) => ({ id }))
const ids = (released: readonly { id: number }[]) => released.map((row) => row.id)

describe('EventOrder', () => {
  it('releases rows read in order at once', () => {
    const order = new EventOrder(OPTIONS)
    expect(ids(order.take(rows(1, 2, 3), 0).inOrder)).toEqual([1, 2, 3])
    expect(order.watermark).toBe(3)
    expect(order.awaited()).toEqual([])
  })

  it('holds rows above a gap until the gap commits, then releases them in id order', () => {
    const order = new EventOrder(OPTIONS)
    order.take(rows(1), 0)
    expect(order.take(rows(4, 3), 10)).toEqual({ inOrder: [], late: [] })
    expect(order.awaited()).toEqual([2])
    expect(order.watermark).toBe(1)
    expect(ids(order.take(rows(2), 20).inOrder)).toEqual([2, 3, 4])
    expect(order.watermark).toBe(4)
  })

  it('gives a gap up after graceMs, and still releases it (late) if it commits within lateMs', () => {
    const order = new EventOrder(OPTIONS)
    order.take(rows(1, 3), 0)
    expect(ids(order.take([], 999).inOrder)).toEqual([])
    expect(ids(order.take([], 1_000).inOrder)).toEqual([3])
    expect(order.watermark).toBe(3)
    expect(order.awaited()).toEqual([2])
    expect(order.take(rows(2), 2_000)).toEqual({ inOrder: [], late: [{ id: 2 }] })
    expect(order.awaited()).toEqual([])
  })

  it('stops watching a given-up gap after lateMs (a rolled-back insert)', () => {
    const order = new EventOrder(OPTIONS)
    order.take(rows(1, 3), 0)
    order.take([], 1_000)
    order.take([], 11_000)
    expect(order.awaited()).toEqual([])
    expect(order.take(rows(2), 11_001)).toEqual({ inOrder: [], late: [] })
  })

  it('waits for a gap among seeded rows only when the row above it is recent', () => {
    const order = new EventOrder(OPTIONS)
    const recent = new Set([7])
    order.seed(rows(7, 3, 1, 5), (row) => recent.has(row.id), 0)
    expect(order.highest).toBe(7)
    expect(order.watermark).toBe(5)
    expect(order.awaited().sort((a, b) => a - b)).toEqual([2, 4, 6])
    expect(ids(order.take(rows(6, 8), 5).inOrder)).toEqual([6, 7, 8])
    expect(order.take(rows(4), 6)).toEqual({ inOrder: [], late: [{ id: 4 }] })
  })

  it('tracks at most maxGaps ids when the sequence jumps ahead', () => {
    const order = new EventOrder({ ...OPTIONS, maxGaps: 3 })
    order.take(rows(1, 1_000), 0)
    expect(order.awaited()).toEqual([997, 998, 999])
    expect(order.watermark).toBe(996)
  })
})
