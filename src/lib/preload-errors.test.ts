import { describe, expect, it } from 'vitest'
import { keepImportsWhenStylesheetsFail } from './preload-errors'

/** What Vite's preload helper dispatches before it throws `error` (unless prevented). */
function preloadError(error: unknown): Event {
  const event = Object.assign(new Event('vite:preloadError', { cancelable: true }), {
    payload: error,
  })
  window.dispatchEvent(event)
  return event
}

describe('keepImportsWhenStylesheetsFail', () => {
  keepImportsWhenStylesheetsFail()

  it('lets an import go on when only a stylesheet could not be fetched again', () => {
    const event = preloadError(new Error('Unable to preload CSS for /assets/index-BbD2xLqI.css'))
    expect(event.defaultPrevented).toBe(true)
  })

  it('leaves a script that could not be fetched to fail the import', () => {
    const event = preloadError(new TypeError('Failed to fetch dynamically imported module'))
    expect(event.defaultPrevented).toBe(false)
    expect(preloadError('not an error').defaultPrevented).toBe(false)
  })
})
