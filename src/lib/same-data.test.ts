import { describe, expect, it } from 'vitest'
import { isSameData } from './same-data'

describe('isSameData', () => {
  const draft = () => ({
    id: 'd1',
    title: '排队太久',
    business: { name: '某某餐馆', kind: null },
    photoIds: ['p1', 'p2'],
    refusal: null,
  })

  it('holds two reads of the same stored object the same', () => {
    expect(isSameData(draft(), draft())).toBe(true)
    expect(isSameData(Object.assign(Object.create(null), { a: 1 }), { a: 1 })).toBe(true)
  })

  it('tells a change at any depth', () => {
    expect(isSameData(draft(), { ...draft(), title: '排队' })).toBe(false)
    expect(isSameData(draft(), { ...draft(), business: { name: '某某餐馆', kind: 'shop' } })).toBe(
      false,
    )
    expect(isSameData(draft(), { ...draft(), photoIds: ['p1'] })).toBe(false)
    expect(isSameData(draft(), { ...draft(), photoIds: ['p2', 'p1'] })).toBe(false)
  })

  it('tells a missing member from one set to undefined, and an array from an object', () => {
    expect(isSameData({ a: undefined }, { b: undefined })).toBe(false)
    expect(isSameData({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(isSameData([1], { 0: 1 })).toBe(false)
    expect(isSameData(null, {})).toBe(false)
    expect(isSameData(Number.NaN, Number.NaN)).toBe(true)
  })

  it('compares other objects (dates, blobs, typed arrays) by identity only', () => {
    const when = new Date(0)
    expect(isSameData({ when }, { when })).toBe(true)
    expect(isSameData({ when }, { when: new Date(0) })).toBe(false)
    const photo = new Blob(['jpeg'])
    expect(isSameData({ photo }, { photo })).toBe(true)
    expect(isSameData({ photo }, { photo: new Blob(['jpeg']) })).toBe(false)
    expect(isSameData(new Uint8Array([1]), new Uint8Array([1]))).toBe(false)
  })

  it('tells a hole in an array from a value', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(isSameData([, 1], [2, 1])).toBe(false)
    // eslint-disable-next-line no-sparse-arrays
    expect(isSameData([, 1], [, 1])).toBe(true)
  })
})
