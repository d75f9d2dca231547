import { afterEach, describe, expect, it, vi } from 'vitest'

function withStorage(storage: Partial<StorageManager>) {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true })
}

describe('persistent storage', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'storage')
    vi.resetModules()
  })

  it('asks the browser once per page load, and not when the storage is already persistent', async () => {
    const persist = vi.fn(() => Promise.resolve(true))
    withStorage({ persisted: () => Promise.resolve(false), persist })
    const { askForPersistentStorage } = await import('./persist-storage')
    expect(await askForPersistentStorage()).toBe(true)
    expect(await askForPersistentStorage()).toBe(true)
    expect(persist).toHaveBeenCalledTimes(1)

    vi.resetModules()
    const again = vi.fn(() => Promise.resolve(true))
    withStorage({ persisted: () => Promise.resolve(true), persist: again })
    expect(await (await import('./persist-storage')).askForPersistentStorage()).toBe(true)
    expect(again).not.toHaveBeenCalled()
  })

  it('says null where the browser has no such API', async () => {
    withStorage({})
    const { askForPersistentStorage } = await import('./persist-storage')
    expect(await askForPersistentStorage()).toBeNull()
  })

  it('warns above 80 % of the quota, and stays quiet when the browser cannot say', async () => {
    const { isStorageLow } = await import('./persist-storage')
    withStorage({ estimate: () => Promise.resolve({ usage: 80, quota: 100 }) })
    expect(await isStorageLow()).toBe(false)
    withStorage({ estimate: () => Promise.resolve({ usage: 81, quota: 100 }) })
    expect(await isStorageLow()).toBe(true)
    withStorage({ estimate: () => Promise.resolve({}) })
    expect(await isStorageLow()).toBe(false)
    withStorage({})
    expect(await isStorageLow()).toBe(false)
  })
})
