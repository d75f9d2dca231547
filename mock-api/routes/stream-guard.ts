/**
 * Holds back what an event stream writes until its credential is known to still hold. A check
 * is trusted for `recheckMs` (real time), until the credential's own expiry (the app's clock),
 * and only while no write has been committed since it started: a write may have signed someone
 * out, disabled an account or moved a device, so the next message waits for a fresh check. The
 * registry counts a write for each of this process's writes and for each batch of ticket events
 * the hub releases, whoever wrote them; another process's write that brings no event is caught by
 * the age limit and the heartbeat's check. Once the credential fails, everything held is dropped
 * and `onRevoked` ends the stream.
 */
import type { Clock } from '../deps/clock.js'
import type { CredentialCheck, Validity } from '../workflow/stream-credentials.js'

export type GuardDeps = {
  clock: Clock
  recheckMs: number
  /** Grows with each committed write (see `StreamRegistry.recheckCredentials`). */
  writes: () => number
  onError: (error: unknown) => void
}

export type StreamGuard = {
  /** Writes `text` in order once the credential is known to hold; never after it failed. */
  write(text: string): void
  /** Checks now, whatever the last check said; resolves whether the credential holds. */
  verify(): Promise<boolean>
}

const REVOKED: Validity = { isHeld: false }

export function createStreamGuard(
  check: CredentialCheck,
  deps: GuardDeps,
  output: { write(text: string): void; onRevoked(): void },
): StreamGuard {
  let checkedAt = -Infinity
  let checkedAfterWrites = -1
  let expiresAtMs: number | null = null
  let isRevoked = false
  let checking: Promise<boolean> | null = null
  let held: string[] = []
  let isDraining = false

  const isFresh = () =>
    checkedAfterWrites === deps.writes() &&
    performance.now() - checkedAt < deps.recheckMs &&
    (expiresAtMs === null || deps.clock.now().getTime() < expiresAtMs)

  async function checkOnce(): Promise<boolean> {
    const writes = deps.writes()
    const startedAt = performance.now()
    const validity = await check().catch((error: unknown) => {
      deps.onError(error)
      return REVOKED
    })
    const isExpired =
      validity.isHeld && (validity.expiresAtMs ?? Infinity) <= deps.clock.now().getTime()
    if (!validity.isHeld || isExpired || isRevoked) {
      if (!isRevoked) {
        isRevoked = true
        held = []
        output.onRevoked()
      }
      return false
    }
    checkedAt = startedAt
    checkedAfterWrites = writes
    expiresAtMs = validity.expiresAtMs
    return true
  }

  function verify(): Promise<boolean> {
    if (isRevoked) return Promise.resolve(false)
    checking ??= checkOnce().finally(() => {
      checking = null
    })
    return checking
  }

  async function drain(): Promise<void> {
    isDraining = true
    try {
      while (held.length > 0) {
        if (!isFresh()) {
          if (!(await verify())) return
          // A write committed while the check ran may have ended the credential: check again.
          // (Age alone does not: a check slower than recheckMs would otherwise never pass.)
          if (checkedAfterWrites !== deps.writes()) continue
        }
        const ready = held
        held = []
        for (const text of ready) output.write(text)
      }
    } finally {
      isDraining = false
    }
  }

  return {
    write(text) {
      if (isRevoked) return
      held.push(text)
      if (!isDraining) void drain()
    },
    verify,
  }
}
