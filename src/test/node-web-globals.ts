import * as perfHooks from 'node:perf_hooks'
import * as webStreams from 'node:stream/web'
import { webcrypto } from 'node:crypto'

// The web project runs in vitest's `vmThreads` pool (vitest.config.ts): each test file gets its
// own VM context whose globals are jsdom's window alone. The default pools put jsdom's globals
// over Node's, so Node's web streams, its User Timing (`performance.measure`) and its CryptoKey
// were there too, as they are in every browser the app supports. This puts them back, where
// jsdom has none of its own, so both pools give the code under test the same globals.
const fromNode: Record<string, unknown> = {
  ...Object.fromEntries(Object.entries(webStreams).filter(([name]) => /^[A-Z]/.test(name))),
  ...Object.fromEntries(
    Object.entries(perfHooks).filter(([name]) => /^Performance[A-Z]/.test(name)),
  ),
  CryptoKey: webcrypto.CryptoKey,
  SubtleCrypto: webcrypto.subtle.constructor,
}
for (const [name, value] of Object.entries(fromNode)) {
  if (!(name in globalThis))
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true })
}
if (typeof globalThis.performance.measure !== 'function') {
  Object.defineProperty(globalThis, 'performance', {
    value: perfHooks.performance,
    writable: true,
    configurable: true,
  })
}
