import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  hasNotification,
  hasPushManager,
  hasServiceWorker,
  missingCapabilities,
} from './capabilities'

// jsdom has neither a service worker nor Notification nor PushManager: it starts as WeChat's
// browser on iPhone does, and each test gives it what a fuller browser has.

function giveServiceWorker(value: unknown) {
  Object.defineProperty(navigator, 'serviceWorker', { value, configurable: true })
}

const aFunction = () => vi.fn()

describe('capabilities', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'serviceWorker')
    vi.unstubAllGlobals()
  })

  it('has no service worker where the property is missing, undefined or null', () => {
    expect(hasServiceWorker()).toBe(false)
    giveServiceWorker(undefined)
    expect('serviceWorker' in navigator).toBe(true)
    expect(hasServiceWorker()).toBe(false)
    giveServiceWorker(null)
    expect(hasServiceWorker()).toBe(false)
    giveServiceWorker(new EventTarget())
    expect(hasServiceWorker()).toBe(true)
  })

  it('has Notification only where it is a constructor', () => {
    expect(hasNotification()).toBe(false)
    vi.stubGlobal('Notification', { permission: 'default' })
    expect(hasNotification()).toBe(false)
    vi.stubGlobal('Notification', aFunction())
    expect(hasNotification()).toBe(true)
  })

  it('has push only with both PushManager and a service worker', () => {
    vi.stubGlobal('PushManager', aFunction())
    expect(hasPushManager()).toBe(false)
    giveServiceWorker(new EventTarget())
    expect(hasPushManager()).toBe(true)
    vi.stubGlobal('PushManager', undefined)
    expect(hasPushManager()).toBe(false)
  })

  it('says what is missing: without a worker, offline and notifications go together', () => {
    expect(missingCapabilities('unavailable')).toBe('offline-and-notifications')
    // Registration not yet known: only what is surely missing counts.
    expect(missingCapabilities('unknown')).toBe('notifications')

    giveServiceWorker(new EventTarget())
    vi.stubGlobal('Notification', aFunction())
    vi.stubGlobal('PushManager', aFunction())
    expect(missingCapabilities('available')).toBe('none')
    expect(missingCapabilities('unknown')).toBe('none')
    // A worker that would not register (Playwright's block, private mode) takes push with it.
    expect(missingCapabilities('unavailable')).toBe('offline-and-notifications')
    vi.stubGlobal('Notification', undefined)
    expect(missingCapabilities('available')).toBe('notifications')
  })
})
