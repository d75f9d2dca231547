import { afterEach, describe, expect, it, vi } from 'vitest'
import { newId } from './ids'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('newId', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('returns distinct version-4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 100 }, newId))
    expect(ids.size).toBe(100)
    ids.forEach((id) => expect(id).toMatch(UUID_V4))
  })

  it('still returns UUIDs where crypto.randomUUID is missing (plain http)', () => {
    const realCrypto = globalThis.crypto
    vi.stubGlobal('crypto', {
      getRandomValues: <T extends Uint8Array<ArrayBuffer>>(bytes: T) =>
        realCrypto.getRandomValues(bytes),
    })
    expect(newId()).toMatch(UUID_V4)
    expect(newId()).not.toBe(newId())
  })
})
