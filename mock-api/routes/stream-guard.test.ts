import { describe, expect, it } from 'vitest'
import { testClock } from '../test/test-app.js'
import type { Validity } from '../workflow/stream-credentials.js'
import { createStreamGuard } from './stream-guard.js'

const HOUR_MS = 3_600_000

function setup(recheckMs = HOUR_MS) {
  const clock = testClock()
  const state = { writes: 0, checks: 0, validity: held(null), duringCheck: () => {} }
  const written: string[] = []
  let revocations = 0
  const check = () => {
    state.checks += 1
    const validity = state.validity
    state.duringCheck()
    return Promise.resolve(validity)
  }
  const deps = { clock, recheckMs, writes: () => state.writes, onError: () => {} }
  const guard = createStreamGuard(check, deps, {
    write: (text) => written.push(text),
    onRevoked: () => (revocations += 1),
  })
  return { clock, state, written, guard, revocations: () => revocations }
}

function held(expiresAtMs: number | null): Validity {
  return { isHeld: true, expiresAtMs }
}
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('the stream guard', () => {
  it('checks once, then writes at once until a write is committed somewhere', async () => {
    const { state, written, guard } = setup()
    guard.write('a')
    guard.write('b')
    await settle()
    guard.write('c')
    expect(written).toEqual(['a', 'b', 'c'])
    expect(state.checks).toBe(1)

    state.writes += 1
    guard.write('d')
    expect(written).toEqual(['a', 'b', 'c'])
    await settle()
    expect(written).toEqual(['a', 'b', 'c', 'd'])
    expect(state.checks).toBe(2)
  })

  it('checks again when a write was committed while it checked', async () => {
    const { state, written, guard, revocations } = setup()
    state.duringCheck = () => {
      state.writes += 1
      state.validity = { isHeld: false }
      state.duringCheck = () => {}
    }
    guard.write('a')
    await settle()
    expect(written).toEqual([])
    expect(state.checks).toBe(2)
    expect(revocations()).toBe(1)
  })

  it('drops what it holds and writes nothing more once the credential fails', async () => {
    const { state, written, guard, revocations } = setup()
    guard.write('a')
    await settle()
    state.validity = { isHeld: false }
    state.writes += 1
    guard.write('b')
    await settle()
    guard.write('c')
    await settle()
    expect(written).toEqual(['a'])
    expect(revocations()).toBe(1)
    expect(await guard.verify()).toBe(false)
  })

  it('checks again once the credential has expired by the clock', async () => {
    const { clock, state, written, guard, revocations } = setup()
    state.validity = held(clock.now().getTime() + 1_000)
    guard.write('a')
    await settle()
    clock.set(new Date(clock.now().getTime() + 1_000))
    state.validity = { isHeld: false }
    guard.write('b')
    await settle()
    expect(written).toEqual(['a'])
    expect(revocations()).toBe(1)
  })

  it('trusts a check for recheckMs only', async () => {
    const { state, guard } = setup(0.001)
    guard.write('a')
    await settle()
    await new Promise((resolve) => setTimeout(resolve, 2))
    guard.write('b')
    await settle()
    expect(state.checks).toBe(2)
  })
})
