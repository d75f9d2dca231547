import { renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as SwModule from './sw'

// Registration as a production build runs it, in the browsers the app meets: WeChat's on iPhone
// (`navigator.serviceWorker` reads undefined), one that refuses registration (Playwright's block
// resolves it to undefined, private modes reject it) and one that registers.

type Sw = typeof SwModule

/** A fresh copy of lib/sw.ts: it keeps its registration in module state. */
async function loadSw(): Promise<Sw> {
  vi.resetModules()
  return import('./sw')
}

const offlineSupportOf = (sw: Sw) => renderHook(() => sw.useOfflineSupport()).result.current

function giveServiceWorker(register: () => Promise<ServiceWorkerRegistration | undefined>) {
  const container = Object.assign(new EventTarget(), { controller: null, register })
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true })
}

describe('service worker registration', () => {
  beforeEach(() => {
    vi.stubEnv('PROD', true)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'serviceWorker')
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('without any service worker API: resolves, and the app cannot open offline', async () => {
    const sw = await loadSw()
    await expect(sw.registerServiceWorker()).resolves.toBeUndefined()
    expect(offlineSupportOf(sw)).toBe('unavailable')
  })

  it('where `navigator.serviceWorker` reads undefined: nothing throws, sync asks nothing', async () => {
    Object.defineProperty(navigator, 'serviceWorker', { value: undefined, configurable: true })
    const sw = await loadSw()
    await expect(sw.registerServiceWorker()).resolves.toBeUndefined()
    await expect(sw.requestBackgroundSync()).resolves.toBeUndefined()
    const stop = sw.onBackgroundSync(() => undefined)
    expect(stop).not.toThrow()
    expect(offlineSupportOf(sw)).toBe('unavailable')
  })

  it('when registration yields nothing or is refused: resolves, and says so', async () => {
    giveServiceWorker(() => Promise.resolve(undefined))
    let sw = await loadSw()
    await expect(sw.registerServiceWorker()).resolves.toBeUndefined()
    expect(offlineSupportOf(sw)).toBe('unavailable')

    giveServiceWorker(() => Promise.reject(new DOMException('denied', 'SecurityError')))
    sw = await loadSw()
    await expect(sw.registerServiceWorker()).resolves.toBeUndefined()
    expect(offlineSupportOf(sw)).toBe('unavailable')
  })

  it('once registered, the app can open offline', async () => {
    const registration = Object.assign(new EventTarget(), {
      installing: null,
      waiting: null,
      active: null,
      update: vi.fn(() => Promise.resolve()),
    }) as unknown as ServiceWorkerRegistration
    const register = vi.fn(() => Promise.resolve(registration))
    giveServiceWorker(register)
    const sw = await loadSw()
    expect(offlineSupportOf(sw)).toBe('unknown')
    await sw.registerServiceWorker()
    expect(register).toHaveBeenCalledOnce()
    expect(offlineSupportOf(sw)).toBe('available')
  })
})
